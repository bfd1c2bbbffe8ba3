package dev.escalation.app.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C3 Internal notes stay internal: who may read and add them, where they show, and that no customer ever sees one. */
@EmbeddedAppTest
class InternalNotesTest {
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private long ticketWithOwner(String email) {
    long id = api.as("agent1").open("P4", "BILLING", email);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).hasNonNull("owner")
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    return id;
  }

  @Test
  void theOwnerAndSupervisorsAddNotesEveryStaffMemberReadsThemAndNobodyElse() {
    long id = ticketWithOwner("notes-roles@example.com");
    String owner = api.ticket(id).get("owner").get("username").asText();
    String otherAgent = owner.equals("agent1") ? "agent2" : "agent1";
    String path = "/api/tickets/" + id + "/internal-notes";

    TicketApi.Response added = api.as(owner).post(path, Map.of("text", "Escalation code BX-7; the card looks stolen"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.location()).endsWith(path);
    assertThat(added.body().get("ticketId").asLong()).isEqualTo(id);
    assertThat(added.body().get("author").asText()).isEqualTo(owner);
    assertThat(added.body().get("text").asText()).isEqualTo("Escalation code BX-7; the card looks stolen");
    assertThat(api.as("manager1").post(path, Map.of("text", "Agreed, keep the refund on hold")).status()).isEqualTo(201);
    assertThat(api.as("head1").post(path, Map.of("text", "Seen")).status()).isEqualTo(201);

    for (String refused : List.of(otherAgent, "privacy1", "admin")) {
      TicketApi.Response response = api.as(refused).post(path, Map.of("text", "from " + refused));
      assertThat(response.status()).as(refused).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.anonymous().post(path, Map.of("text", "anonymous")).status()).isEqualTo(401);

    for (String reader : List.of(owner, otherAgent, "privacy1", "manager1", "head1")) {
      TicketApi.Response notes = api.as(reader).get(path);
      assertThat(notes.status()).as(reader).isEqualTo(200);
      assertThat(texts(notes.body(), "text"))
          .containsExactly("Escalation code BX-7; the card looks stolen", "Agreed, keep the refund on hold", "Seen");
      assertThat(texts(notes.body(), "author")).containsExactly(owner, "manager1", "head1");
    }
    assertThat(api.as("admin").get(path).status()).isEqualTo(403);
    assertThat(api.anonymous().get(path).status()).isEqualTo(401);

    List<JsonNode> internal = api.timeline(id).stream().filter(e -> e.get("type").asText().equals("INTERNAL_NOTE")).toList();
    assertThat(internal).extracting(e -> e.get("actor").asText()).containsExactly(owner, "manager1", "head1");
    assertThat(internal).extracting(e -> e.get("detail").asText())
        .containsExactly("Escalation code BX-7; the card looks stolen", "Agreed, keep the refund on hold", "Seen");
  }

  @Test
  void aBlankOrTooLongNoteIsA400NamingTheTextAndAnUnknownTicketA404() {
    long id = ticketWithOwner("notes-input@example.com");
    String path = "/api/tickets/" + id + "/internal-notes";

    for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("text", "  "), Map.of(), Map.of("text", "x".repeat(5001)))) {
      TicketApi.Response response = api.as("manager1").post(path, body);
      assertThat(response.status()).as(body.toString()).isEqualTo(400);
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("text");
    }
    assertThat(api.as("manager1").get(path).body()).isEmpty();
    TicketApi.Response unknown = api.as("manager1").post("/api/tickets/999999999/internal-notes", Map.of("text", "x"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("title").asText()).isEqualTo("Ticket not found");
    assertThat(api.as("manager1").get("/api/tickets/999999999/internal-notes").status()).isEqualTo(404);
  }

  @Test
  void aNoteNeverReachesTheCustomerWhateverHappensToTheTicket() {
    String secret = "INTERNAL-ONLY-7f3a suspected chargeback fraud";
    long id = ticketWithOwner("notes-never-out@example.com");
    TicketApi staff = api.as("manager1");
    String base = "/api/tickets/" + id;
    assertThat(staff.post(base + "/internal-notes", Map.of("text", secret)).status()).isEqualTo(201);

    // everything that writes to the customer: acknowledgement, a question, the reply, an escalation, the resolution
    act(staff, base + "/waiting-on-customer", Map.of("question", "Which card did you use?"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(api.ticket(id).get("responseClock").asText()));
    act(staff, base + "/customer-replies", Map.of("message", "The Visa one"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(staff.post(base + "/internal-notes", Map.of("text", secret + " (confirmed)")).status()).isEqualTo(201);
    act(staff, base + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "Card dispute", "attempted", "Checked the charge",
        "need", "A billing specialist", "overrideReason", "Possible fraud"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !api.notifications(id, "ESCALATION_NOTICE").isEmpty());
    act(staff, base + "/resolution", Map.of("summary", "The charge was refunded by the bank"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id).stream()
        .filter(n -> n.get("kind").asText().equals("RESOLUTION")).anyMatch(n -> n.get("status").asText().equals("SENT")));

    List<JsonNode> notifications = api.notifications(id);
    assertThat(notifications).extracting(n -> n.get("kind").asText())
        .contains("ACKNOWLEDGEMENT", "WAITING", "ESCALATION_NOTICE", "RESOLUTION");
    for (JsonNode n : notifications) {
      assertThat(n.get("subject").asText() + n.get("body").asText()).as(n.get("kind").asText()).doesNotContain("INTERNAL-ONLY-7f3a");
    }
    assertThat(api.get(base + "/messages").body().toString()).contains("Which card did you use?").doesNotContain("INTERNAL-ONLY-7f3a");
    var mails = EmbeddedRuntime.mail().received().stream().filter(m -> m.to().contains("notes-never-out@example.com")).toList();
    assertThat(mails).hasSizeGreaterThanOrEqualTo(4);
    mails.forEach(m -> assertThat(m.subject() + m.body()).doesNotContain("INTERNAL-ONLY-7f3a"));
    // the staff still have it
    assertThat(texts(staff.get(base + "/internal-notes").body(), "text")).containsExactly(secret, secret + " (confirmed)");
  }

  /** Sends the action once the process has taken the previous one (409 while an action is in flight). */
  private static void act(TicketApi caller, String path, Map<String, Object> body) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      TicketApi.Response response = caller.post(path, body);
      assertThat(response.status()).as(path + ": " + response.body()).isIn(202, 409);
      return response.status() == 202;
    });
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.get(field).asText()));
    return texts;
  }
}
