package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Role × endpoint: every endpoint of the app, called by nobody, the ticket's owner, another agent,
 * a specialist of another group, a manager, the head of support and an admin. Changes are sent
 * with an empty body: a caller the URL rules let through gets the 400 of the validation, one they
 * stop gets 403, nobody gets 401 (so no ticket changes while the matrix runs). The owner check of
 * ticket actions is method security on the bound id, which runs after the body is validated: with
 * an empty body another agent gets the same 400. The rows with a valid body that the ticket's state
 * or a business rule refuses (409, 422, 400) show the owner check's 403; {@link TicketActionOwnerCheckTest}
 * tries every action. {@code {id}} is an open
 * BILLING ticket; {@code 0} names none. Paths other branches add are in the second half: on this
 * branch they answer 404 to whoever the rules let through.
 */
@EmbeddedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
  @LocalServerPort int port;
  private TicketApi api;
  private long id;

  @BeforeAll
  void openATicket() {
    api = new TicketApi(port).as("agent1");
    id = api.open("P4", "BILLING", "matrix@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).hasNonNull("owner"));
  }

  @ParameterizedTest(name = "{0} {1}: anonymous {3}, owner {4}, other agent {5}, specialist {6}, manager {7}, head {8}, admin {9}")
  @CsvSource(delimiter = '|', textBlock = """
      # method | path                              | body | anon | owner | agent | spec | mgr | head | admin
      GET    | /actuator/health                    |      | 200  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /actuator/info                      |      | 401  | 403   | 403   | 403  | 403 | 403  | 200
      GET    | /                                   |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /app.js                             |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /ui/ticket.js                       |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js | | 401 | 200 | 200 | 200 | 200 | 200 | 200
      GET    | /calendars.html                     |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /calendars.js                       |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/me                             |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets                        |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}                   |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/timeline          |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/messages          |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/description-translation | | 401 | 200  | 200   | 200  | 200 | 200  | 200
      GET    | /api/translation                    |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/attempts          |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/handoff-notes     |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/escalations       |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/{id}/process           |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tickets/0/process              |      | 401  | 404   | 404   | 404  | 404 | 404  | 404
      GET    | /api/tickets/0                      |      | 401  | 404   | 404   | 404  | 404 | 404  | 404
      GET    | /api/tickets/{id}/internal-notes    |      | 401  | 200   | 200   | 200  | 200 | 200  | 403
      GET    | /api/tickets/0/internal-notes       |      | 401  | 404   | 404   | 404  | 404 | 404  | 403
      POST   | /api/tickets/{id}/internal-notes    | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets                        | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/attempts          | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/escalations       | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/waiting-on-customer | {} | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/customer-replies  | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/resolution        | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/reopen            | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/priority          | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/{id}/replies           | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      POST   | /api/tickets/0/attempts             | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      # valid bodies the ticket's state or a business rule refuses after the owner check: 403 for whoever it stops
      POST   | /api/tickets/{id}/reopen            | {"reason":"r"} | 401 | 409 | 403 | 403 | 409 | 409 | 403
      POST   | /api/tickets/{id}/priority          | {"priority":"P4","reason":"r"} | 401 | 409 | 403 | 403 | 409 | 409 | 403
      POST   | /api/tickets/{id}/replies           | {"text":"t"} | 401 | 202 | 403 | 403 | 202 | 202 | 403
      POST   | /api/tickets/{id}/escalations       | {"type":"FUNCTIONAL","summary":"s","attempted":"a","need":"n"} | 401 | 422 | 403 | 403 | 422 | 422 | 403
      POST   | /api/tickets/{id}/refund-requests   | {"amount":10.5,"currency":"JPY","reason":"r"} | 401 | 400 | 403 | 403 | 400 | 400 | 403
      PUT    | /api/tickets/{id}                   | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 403
      DELETE | /api/tickets/{id}                   |      | 401  | 403   | 403   | 403  | 403 | 403  | 403
      GET    | /api/notifications?ticketId={id}    |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/roster                         |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/metrics                        |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      POST   | /api/dev/clock                      | {}   | 401  | 403   | 403   | 403  | 403 | 400  | 400
      GET    | /api/dev/mailbox                    |      | 401  | 403   | 403   | 403  | 403 | 200  | 200
      GET    | /api/admin/users                    |      | 401  | 403   | 403   | 403  | 403 | 403  | 200
      POST   | /api/admin/users                    | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      POST   | /api/admin/users/agent1/password    | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      GET    | /api/admin/tokens                   |      | 401  | 403   | 403   | 403  | 403 | 403  | 200
      POST   | /api/admin/tokens                   | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      DELETE | /api/admin/tokens/999999            |      | 401  | 403   | 403   | 403  | 403 | 403  | 404
      GET    | /api/no-such-thing                  |      | 401  | 403   | 403   | 403  | 403 | 403  | 403
      POST   | /api/roster                         | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      PUT    | /api/roster/agent1                  | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      GET    | /api/queue                          |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/queue?tier=0                   |      | 401  | 400   | 400   | 400  | 400 | 400  | 400
      POST   | /api/tickets/{id}/grab              | {"note":" "} | 401 | 403 | 403 | 400 | 400 | 400 | 403
      POST   | /api/tickets/{id}/reassignment      | {}   | 401  | 403   | 403   | 403  | 400 | 400  | 403
      GET    | /api/calendars                      |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      POST   | /api/calendars                      | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      PUT    | /api/calendars/999999               | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 404
      POST   | /api/calendars/999999/holidays      | []   | 401  | 403   | 403   | 403  | 403 | 403  | 404
      PUT    | /api/on-call                        | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 405
      POST   | /api/on-call                        | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 400
      GET    | /api/on-call                        |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/tasks                          |      | 401  | 200   | 200   | 200  | 200 | 200  | 403
      POST   | /api/tasks/1/claim                  | {}   | 401  | 404   | 404   | 404  | 404 | 404  | 403
      POST   | /api/tasks/1/complete               | {}   | 401  | 404   | 404   | 404  | 404 | 404  | 403
      POST   | /api/tickets/{id}/refund-requests   | {}   | 401  | 400   | 400   | 400  | 400 | 400  | 403
      GET    | /api/tickets/{id}/refund-requests   |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/reviews                        |      | 401  | 403   | 403   | 403  | 200 | 200  | 403
      GET    | /api/dev-tasks                      |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/dev-tasks/DEV-999999           |      | 401  | 404   | 404   | 404  | 404 | 404  | 404
      POST   | /api/dev-tasks/DEV-999999/close     | {}   | 401  | 403   | 403   | 404  | 404 | 404  | 404
      GET    | /api/pages?ticketId={id}            |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/pages                          |      | 401  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /api/pages/999999                   |      | 401  | 404   | 404   | 404  | 404 | 404  | 404
      POST   | /api/pages/1/ack                    | {}   | 401  | 403   | 403   | 403  | 404 | 404  | 403
      POST   | /api/webhooks/github                | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      POST   | /api/webhooks/jira                  | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      # M5 surveys: no login, the signed link decides (an empty body is refused first, a well-formed answer to no survey is a 404)
      GET    | /survey.js                          |      | 200  | 200   | 200   | 200  | 200 | 200  | 200
      POST   | /survey/1                           | {}   | 400  | 400   | 400   | 400  | 400 | 400  | 400
      POST   | /survey/1                           | {"rating":5} | 404 | 404 | 404 | 404 | 404 | 404  | 404
      # M7 overrides review: managers and above
      GET    | /api/overrides                      |      | 401  | 403   | 403   | 403  | 200 | 200  | 403
      POST   | /api/overrides/1/review             | {}   | 401  | 403   | 403   | 403  | 400 | 400  | 403
      GET    | /overrides.html                     |      | 401  | 403   | 403   | 403  | 200 | 200  | 403
      GET    | /api/reports/sla-compliance         |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      GET    | /api/reports/sla-breaches           |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      GET    | /api/reports/weekly?weeks=1         |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      GET    | /api/reports/escalations            |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      POST   | /api/criteria/what-if               | {}   | 401  | 403   | 403   | 403  | 400 | 400  | 400
      GET    | /dashboard.html                     |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      GET    | /what-if.js                         |      | 401  | 403   | 403   | 403  | 200 | 200  | 200
      # customers' channels (C1): the provider's secret or signature is the only authentication, for everyone
      POST   | /api/channels/telegram/webhook      | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      POST   | /api/channels/whatsapp/webhook      | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      POST   | /api/channels/instagram/webhook     | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      GET    | /api/channels/whatsapp/webhook      |      | 403  | 403   | 403   | 403  | 403 | 403  | 403
      GET    | /api/channels/instagram/webhook     |      | 403  | 403   | 403   | 403  | 403 | 403  | 403
      POST   | /api/channels/email/webhook         | {}   | 401  | 403   | 403   | 403  | 403 | 403  | 403
      POST   | /api/dev/channels/telegram/inbound  | {}   | 401  | 403   | 403   | 403  | 403 | 400  | 400
      # live chat: no login; the conversation token is the only key (a staff login is neither needed nor enough)
      GET    | /chat                               |      | 200  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /chat/chat.js                       |      | 200  | 200   | 200   | 200  | 200 | 200  | 200
      GET    | /chat/widget.js                     |      | 200  | 200   | 200   | 200  | 200 | 200  | 200
      POST   | /api/chat/conversations             | {}   | 400  | 400   | 400   | 400  | 400 | 400  | 400
      POST   | /api/chat/messages                  | {}   | 401  | 401   | 401   | 401  | 401 | 401  | 401
      GET    | /api/chat/conversation              |      | 401  | 401   | 401   | 401  | 401 | 401  | 401
      GET    | /api/chat/stream                    |      | 401  | 401   | 401   | 401  | 401 | 401  | 401
      DELETE | /api/chat/conversation              |      | 401  | 401   | 401   | 401  | 401 | 401  | 401
      """)
  void everyRoleGetsTheExpectedStatus(String method, String path, String body, int anonymous, int owner, int otherAgent,
      int specialist, int manager, int head, int admin) {
    String owning = api.ticket(id).get("owner").get("username").asText();
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(null, anonymous);
    expected.put(owning, owner);
    expected.put(owning.equals("agent1") ? "agent2" : "agent1", otherAgent);
    expected.put("privacy1", specialist);
    expected.put("manager1", manager);
    expected.put("head1", head);
    expected.put("admin", admin);
    String resolved = path.replace("{id}", String.valueOf(id));
    Map<String, Integer> actual = new LinkedHashMap<>();
    expected.keySet().forEach(user -> {
      TicketApi caller = user == null ? api.anonymous() : api.as(user);
      TicketApi.Response response = caller.send(method, resolved, body == null ? null : body);
      actual.put(user == null ? "anonymous" : user, response.status());
      if (response.status() == 401 || response.status() == 403) {
        assertThat(response.contentType()).as(method + " " + resolved + " as " + user).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
      }
    });
    Map<String, Integer> wanted = new LinkedHashMap<>();
    expected.forEach((user, status) -> wanted.put(user == null ? "anonymous" : user, status));
    assertThat(actual).as(method + " " + resolved + " (owner " + owning + ")").isEqualTo(wanted);
  }

  @Test
  void aChatTokenOpensItsChatAndNothingElse() {
    TicketApi.Response started = api.anonymous().post("/api/chat/conversations",
        Map.of("name", "Matrix Customer", "email", "matrix-chat@example.com", "message", "Hello"));
    assertThat(started.status()).isEqualTo(201);
    String token = started.body().get("token").asText();

    assertThat(api.anonymous().withToken(token).get("/api/chat/conversation").status()).isEqualTo(200);
    assertThat(api.anonymous().withToken(token).post("/api/chat/messages", Map.of("clientMessageId", "m-1", "text", "Hi"))
        .status()).isEqualTo(201);
    // a staff login does not open a customer's chat, and the chat token is no staff credential
    assertThat(api.as("head1").get("/api/chat/conversation").status()).isEqualTo(401);
    assertThat(api.anonymous().withToken(token).get("/api/tickets").status()).isEqualTo(401);
    assertThat(api.anonymous().withToken(token).get("/api/tickets/" + id).status()).isEqualTo(401);
  }
}
