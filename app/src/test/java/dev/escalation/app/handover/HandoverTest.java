package dev.escalation.app.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * W2 grab and W3 reassignment end to end: through the process (hand-over-ticket, fresh clocks), in
 * the timeline, the previous owner told through the outbox; each role's allowed and refused cases.
 */
@EmbeddedAppTest
class HandoverTest {
  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void aBillingSpecialistGrabsATierOneBillingTicketAndThePreviousOwnerIsTold() {
    long id = ownedTicket("BILLING", "grab-w2@example.com");
    String previous = owner(id);

    TicketApi.Response grabbed = api.as("billing1").post("/api/tickets/" + id + "/grab", Map.of("note", "I know this customer's contract"));
    assertThat(grabbed.status()).as(grabbed.toString()).isEqualTo(202);
    assertThat(grabbed.body().get("id").asLong()).isEqualTo(id);

    await().atMost(Duration.ofSeconds(20)).until(() -> "billing1".equals(owner(id)) && clocksStarted(id) == 2);
    JsonNode ticket = api.ticket(id);
    assertThat(ticket.get("tier").asInt()).isEqualTo(1);
    assertThat(ticket.get("responseClock").asText()).isEqualTo("RUNNING");
    assertThat(ticket.get("escalationCount").asInt()).isZero();

    JsonNode entry = entry(id, "TICKET_GRABBED");
    assertThat(entry.get("actor").asText()).isEqualTo("billing1");
    assertThat(entry.get("detail").asText())
        .isEqualTo("Bea Billing (billing1, tier 2) took the ticket from " + previous + " at tier 1. I know this customer's contract");
    JsonNode note = last(api.get("/api/tickets/" + id + "/handoff-notes").body());
    assertThat(note.get("automatic").asBoolean()).isTrue();
    assertThat(note.get("author").asText()).isEqualTo("billing1");
    assertThat(note.get("escalationType").isNull()).isTrue();
    assertThat(note.get("summary").asText()).isEqualTo("Bea Billing (billing1) grabbed the ticket from " + previous + " at tier 1");
    assertThat(note.get("need").asText()).isEqualTo("I know this customer's contract");

    List<JsonNode> told = api.notifications(id, "OWNER_REPLACED");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).get("recipient").asText()).isEqualTo(email(previous));
    assertThat(told.get(0).get("subject").asText()).isEqualTo("[#" + id + "] Bea Billing took over: Invoice charged twice");
    assertThat(api.notifications(id, "OWNER_ASSIGNED")).hasSize(1); // the first owner's; the grabber took it, nobody tells them

    // the previous owner may no longer act; the new one may
    assertThat(api.as(previous).post("/api/tickets/" + id + "/attempts", Map.of("note", "too late")).status()).isEqualTo(403);
    assertThat(api.as("billing1").post("/api/tickets/" + id + "/attempts", Map.of("note", "Called the bank")).status()).isEqualTo(202);
  }

  @Test
  void whoMayGrabWhat() {
    long billing = ownedTicket("BILLING", "grab-refusals@example.com");
    String owner = owner(billing);
    String otherAgent = owner.equals("agent1") ? "agent2" : "agent1";
    for (String refused : List.of(owner, otherAgent, "privacy1", "tech1", "admin")) {
      TicketApi.Response response = api.as(refused).post("/api/tickets/" + billing + "/grab", null);
      assertThat(response.status()).as(refused).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.get("/api/tickets/" + billing + "/timeline").body().toString()).doesNotContain("TICKET_GRABBED");

    // one owner action at a time: while another is accepted and not yet carried out, a grab is a 409
    jdbc.sql("UPDATE ticket SET action_in_flight = 'RESOLVE', action_in_flight_by = ?, action_in_flight_at = ? WHERE id = ?")
        .params(owner, java.sql.Timestamp.from(java.time.Instant.now()), billing).update();
    TicketApi.Response inFlight = api.as("manager2").post("/api/tickets/" + billing + "/grab", null);
    jdbc.sql("UPDATE ticket SET action_in_flight = NULL, action_in_flight_by = NULL, action_in_flight_at = NULL WHERE id = ?")
        .param(billing).update();
    assertThat(inFlight.status()).isEqualTo(409);
    assertThat(inFlight.body().get("detail").asText()).contains("the resolution by " + owner + " has not been confirmed to the customer yet");

    // a manager may grab any open ticket, with no body at all
    TicketApi.Response first = api.as("manager1").post("/api/tickets/" + billing + "/grab", null);
    assertThat(first.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "manager1".equals(owner(billing)) && clocksStarted(billing) == 2);
    assertThat(entry(billing, "TICKET_GRABBED").get("detail").asText()).endsWith("Morgan Manager takes the ticket over.");

    TicketApi.Response again = api.as("manager1").post("/api/tickets/" + billing + "/grab", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).isEqualTo("ticket " + billing + " is already yours");
    // a specialist may not take it from tier 1 once it is not a tier 1 ticket of their group: here it still is
    assertThat(api.as("billing1").post("/api/tickets/" + billing + "/grab", Map.of("note", " ")).status()).isEqualTo(400);

    // waiting on the customer: the state does not allow it
    assertThat(api.as("manager1").post("/api/tickets/" + billing + "/waiting-on-customer", Map.of("question", "Which card?")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(api.ticket(billing).get("responseClock").asText()));
    TicketApi.Response waiting = api.as("head1").post("/api/tickets/" + billing + "/grab", null);
    assertThat(waiting.status()).isEqualTo(409);
    assertThat(waiting.body().get("detail").asText()).isEqualTo("cannot grab ticket " + billing + " while it is WAITING_ON_CUSTOMER (needs OPEN)");
  }

  @Test
  void aManagerReassignsToANamedPersonWithAReason() {
    long id = ownedTicket("TECHNICAL", "reassign-w3@example.com");
    String previous = owner(id);
    String next = previous.equals("agent1") ? "agent2" : "agent1";

    assertThat(api.as(previous).post("/api/tickets/" + id + "/reassignment", Map.of("username", next, "reason", "r")).status()).isEqualTo(403);
    assertThat(api.as("tech1").post("/api/tickets/" + id + "/reassignment", Map.of("username", next, "reason", "r")).status()).isEqualTo(403);
    assertThat(api.as("admin").post("/api/tickets/" + id + "/reassignment", Map.of("username", next, "reason", "r")).status()).isEqualTo(403);

    TicketApi.Response unknown = api.as("manager1").post("/api/tickets/" + id + "/reassignment", Map.of("username", "nobody9", "reason", "r"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("username");
    TicketApi.Response wrongGroup = api.as("manager1").post("/api/tickets/" + id + "/reassignment", Map.of("username", "billing1", "reason", "r"));
    assertThat(wrongGroup.status()).isEqualTo(422);
    assertThat(wrongGroup.body().get("rule").asText()).isEqualTo("W3");
    assertThat(wrongGroup.body().get("detail").asText()).isEqualTo("cannot reassign ticket " + id + " to billing1: billing1 is a tier 2 specialist"
        + " in billing and owns that group's tickets at tier 1 or 2; ticket " + id + " is a tier 1 ticket of technical");
    TicketApi.Response noReason = api.as("manager1").post("/api/tickets/" + id + "/reassignment", Map.of("username", next));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");

    TicketApi.Response moved = api.as("manager1").post("/api/tickets/" + id + "/reassignment",
        Map.of("username", next, "reason", "Knows the customer's setup"));
    assertThat(moved.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> next.equals(owner(id)) && clocksStarted(id) == 2);

    JsonNode entry = entry(id, "TICKET_REASSIGNED");
    assertThat(entry.get("actor").asText()).isEqualTo("manager1");
    assertThat(entry.get("detail").asText()).startsWith("manager1 gave the ticket to ").contains("(" + next + ", tier 1) (from " + previous
        + ") at tier 1. Reason: Knows the customer's setup");
    List<JsonNode> told = api.notifications(id, "OWNER_REPLACED");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).get("recipient").asText()).isEqualTo(email(previous));
    List<JsonNode> assigned = api.notifications(id, "OWNER_ASSIGNED");
    assertThat(assigned).hasSize(2);
    assertThat(assigned.get(1).get("recipient").asText()).isEqualTo(email(next));
    assertThat(assigned.get(1).get("body").asText()).contains("manager1 gave you ticket #" + id).contains("Reason: Knows the customer's setup");

    TicketApi.Response same = api.as("head1").post("/api/tickets/" + id + "/reassignment", Map.of("username", next, "reason", "r"));
    assertThat(same.status()).isEqualTo(409);
  }

  private long ownedTicket(String category, String email) {
    long id = api.as("agent1").open("P3", category, email);
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText())
        && !api.notifications(id, "ACKNOWLEDGEMENT").isEmpty());
    assertThat(owner(id)).startsWith("agent");
    return id;
  }

  private String owner(long id) {
    JsonNode owner = api.ticket(id).get("owner");
    return owner == null || owner.isNull() ? null : owner.get("username").asText();
  }

  private long clocksStarted(long id) {
    return api.timelineTypes(id).stream().filter("SLA_CLOCKS_STARTED"::equals).count();
  }

  private JsonNode entry(long id, String type) {
    List<JsonNode> found = new ArrayList<>(api.timeline(id).stream().filter(e -> type.equals(e.get("type").asText())).toList());
    assertThat(found).as(type).hasSize(1);
    return found.get(0);
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private String email(String username) {
    for (JsonNode member : api.get("/api/roster").body()) {
      if (member.get("username").asText().equals(username)) {
        return member.get("email").asText();
      }
    }
    throw new AssertionError(username + " is not on the roster");
  }
}
