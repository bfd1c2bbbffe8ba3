package dev.escalation.app.security;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only the ticket's owner, a manager or the head of support act on a ticket, and the audit trail
 * names whoever did: owner vs another agent vs a manager, on every kind of action.
 */
@EmbeddedAppTest
class TicketActionRulesTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void theOwnerAndManagersActAnotherAgentIsRefusedAndEveryActorIsRecorded() {
    long id = api.as("privacy1").open("P3", "BILLING", "rules@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String owner = api.ticket(id).get("owner").get("username").asText();
    String other = owner.equals("agent1") ? "agent2" : "agent1";
    String t = "/api/tickets/" + id;

    // another agent may read the ticket but not act on it; nothing is recorded
    assertThat(api.as(other).get(t).status()).isEqualTo(200);
    for (var action : List.of(
        Map.entry("/attempts", Map.of("note", "not mine")),
        Map.entry("/waiting-on-customer", Map.of("question", "not mine")),
        Map.entry("/customer-replies", Map.of("message", "not mine")),
        Map.entry("/resolution", Map.of("summary", "not mine")),
        Map.entry("/escalations", Map.of("type", "FUNCTIONAL", "summary", "s", "attempted", "a", "need", "n", "overrideReason", "r")))) {
      TicketApi.Response refused = api.as(other).post(t + action.getKey(), action.getValue());
      assertThat(refused.status()).as(action.getKey()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body().get("detail").asText()).contains(other).contains(t + action.getKey());
    }
    // neither may a specialist of another group, nor an admin (not support staff)
    assertThat(api.as("tech1").post(t + "/attempts", Map.of("note", "not mine")).status()).isEqualTo(403);
    assertThat(api.as("admin").post(t + "/attempts", Map.of("note", "not mine")).status()).isEqualTo(403);
    assertThat(api.get(t + "/attempts").body()).isEmpty();
    assertThat(api.get(t + "/messages").body()).isEmpty();
    assertThat(actors(id)).doesNotContain(other, "tech1", "admin");

    // the owner and a manager record attempts, each under their own name
    assertThat(api.as(owner).post(t + "/attempts", Map.of("note", "Checked the invoice")).status()).isEqualTo(202);
    assertThat(api.as("manager2").post(t + "/attempts", Map.of("note", "Called the payment provider")).status()).isEqualTo(202);
    assertThat(api.get(t + "/attempts").body().findValuesAsText("author")).containsExactly(owner, "manager2");
    assertThat(entries(id, "ATTEMPT_RECORDED")).extracting(e -> e.get("actor").asText()).containsExactly(owner, "manager2");

    // the owner asks the customer: the question and the pause are the owner's
    assertThat(api.as(owner).post(t + "/waiting-on-customer", Map.of("question", "Which card?")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> !entries(id, "WAITING_ON_CUSTOMER").isEmpty());
    assertThat(entries(id, "WAITING_ON_CUSTOMER").get(0).get("actor").asText()).isEqualTo(owner);
    // the owner relays the customer's answer
    assertThat(api.as(owner).post(t + "/customer-replies", Map.of("message", "Visa")).status()).isEqualTo(202);
    assertThat(entries(id, "CUSTOMER_REPLIED").get(0).get("actor").asText()).isEqualTo(owner);
    assertThat(entries(id, "CUSTOMER_REPLIED").get(0).get("detail").asText()).isEqualTo("Visa");
    await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(api.ticket(id).get("status").asText()));

    // the head of support escalates it with an override: the override and the escalation are hers
    assertThat(api.post(t + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "Card declined", "attempted",
        "Invoice, provider", "need", "A billing specialist", "overrideReason", "VIP")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "billing1".equals(ownerOf(id)));
    assertThat(entries(id, "ESCALATED").get(0).get("actor").asText()).isEqualTo("head1");
    assertThat(api.get(t + "/handoff-notes").body().get(0).get("author").asText()).isEqualTo("head1");

    // now the former owner is refused, the new owner acts; a manager resolves
    assertThat(api.as(owner).post(t + "/attempts", Map.of("note", "still mine?")).status()).isEqualTo(403);
    assertThat(api.as("billing1").post(t + "/attempts", Map.of("note", "Refunded the double charge")).status()).isEqualTo(202);
    assertThat(api.as("manager1").post(t + "/resolution", Map.of("summary", "Refunded")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> !entries(id, "RESOLVED").isEmpty());
    assertThat(entries(id, "RESOLVED").get(0).get("actor").asText()).isEqualTo("manager1");

    // another agent may not reopen it; the resolving tier's owner may
    assertThat(api.as(other).post(t + "/reopen", Map.of("reason", "again")).status()).isEqualTo(403);
    assertThat(api.as("billing1").post(t + "/reopen", Map.of("reason", "Charged twice again")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> !entries(id, "REOPENED").isEmpty());
    assertThat(entries(id, "REOPENED").get(0).get("actor").asText()).isEqualTo("billing1");

    // whoever opened it is the actor of the opening
    assertThat(entries(id, "TICKET_OPENED").get(0).get("actor").asText()).isEqualTo("privacy1");
    assertThat(entries(id, "TICKET_OPENED").get(0).get("detail").asText()).contains("for rules@example.com");
  }

  @Test
  void theAuditTrailStaysAppendOnlyThroughTheApi() {
    long id = api.open("P4", "OTHER", "append-only@example.com");
    String timeline = "/api/tickets/" + id + "/timeline";
    for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
      TicketApi.Response refused = api.as("admin").send(method, timeline, method.equals("DELETE") ? null : "[]");
      assertThat(refused.status()).as(method).isIn(403, 405);
      assertThat(api.send(method, timeline, method.equals("DELETE") ? null : "[]").status()).as(method).isIn(403, 405);
    }
    long events = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE ticket_id = ?").param(id).query(Long.class).single();
    assertThat(events).isPositive();
  }

  private String ownerOf(long id) {
    JsonNode owner = api.ticket(id).get("owner");
    return owner == null || owner.isNull() ? null : owner.get("username").asText();
  }

  private List<JsonNode> entries(long id, String type) {
    List<JsonNode> list = new ArrayList<>();
    api.get("/api/tickets/" + id + "/timeline").body().forEach(e -> {
      if (type.equals(e.get("type").asText())) {
        list.add(e);
      }
    });
    return list;
  }

  private List<String> actors(long id) {
    List<String> list = new ArrayList<>();
    api.get("/api/tickets/" + id + "/timeline").body().forEach(e -> list.add(e.get("actor").asText()));
    return list;
  }
}
