package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@EmbeddedAppTest
class ManualEscalationTest {
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private long openAndAssigned(String category, String email) {
    long id = api.open("P3", category, email);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("owner").isObject()
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    return id;
  }

  @Test
  void anEscalationWithoutItsHandoffNoteIsRejectedNamingEachMissingField() {
    long id = openAndAssigned("SECURITY", "manual-note@example.com");
    var rejected = api.post("/api/tickets/" + id + "/escalations", Map.of("type", "FUNCTIONAL", "summary", " "));

    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    assertThat(fields(rejected.body())).containsExactly("attempted", "need", "summary");
    assertThat(api.ticket(id).get("tier").asInt()).isEqualTo(1);
    assertThat(api.get("/api/tickets/" + id + "/handoff-notes").body()).isEmpty();
  }

  @Test
  void withoutTwoAttemptsTheEscalationBreaksRuleT8UnlessAnOverrideReasonIsGiven() {
    long id = openAndAssigned("SECURITY", "manual-t8@example.com");
    api.post("/api/tickets/" + id + "/attempts", Map.of("note", "Asked the customer to reset the password"));

    var refused = api.post("/api/tickets/" + id + "/escalations", note("FUNCTIONAL", null));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body().get("rule").asText()).isEqualTo("T8");
    assertThat(refused.body().get("detail").asText()).contains("needs 2 recorded resolution attempts, 1 recorded");
    assertThat(api.timelineTypes(id)).doesNotContain("ESCALATED", "RULE_OVERRIDDEN");

    var accepted = api.post("/api/tickets/" + id + "/escalations", note("FUNCTIONAL", "Possible account takeover, time-sensitive"));
    assertThat(accepted.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("tier").asInt() == 2
        && "privacy1".equals(api.ticket(id).get("owner").get("username").asText()));
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ESCALATION_NOTICE").size() == 1);

    assertThat(api.timelineTypes(id)).containsSubsequence("ATTEMPT_RECORDED", "RULE_OVERRIDDEN", "ESCALATED", "OWNER_ASSIGNED");
    JsonNode note = api.get("/api/tickets/" + id + "/handoff-notes").body().get(0);
    assertThat(note.get("automatic").asBoolean()).isFalse();
    assertThat(note.get("overrideReason").asText()).isEqualTo("Possible account takeover, time-sensitive");
    assertThat(note.get("need").asText()).isEqualTo("Access to the account audit log");
    assertThat(api.notifications(id, "PAGE")).as("P3 escalations page nobody").isEmpty();
    assertThat(api.notifications(id, "OWNER_ASSIGNED")).last()
        .satisfies(n -> assertThat(n.get("recipient").asText()).isEqualTo("privacy1@support.local"))
        .satisfies(n -> assertThat(n.get("body").asText()).contains("Asked the customer to reset the password")
            .contains("Rule override: Possible account takeover"));
  }

  @Test
  void twoAttemptsAllowAHierarchicalEscalationStraightToManagementAndTheTopTierRefusesMore() {
    long id = openAndAssigned("BILLING", "manual-hier@example.com");
    api.post("/api/tickets/" + id + "/attempts", Map.of("note", "Checked the invoice"));
    api.post("/api/tickets/" + id + "/attempts", Map.of("note", "Re-sent the invoice"));

    var accepted = api.post("/api/tickets/" + id + "/escalations", note("HIERARCHICAL", null));
    assertThat(accepted.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("tier").asInt() == 3
        && "MANAGER".equals(api.ticket(id).get("owner").get("role").asText()));
    assertThat(api.timelineTypes(id)).doesNotContain("RULE_OVERRIDDEN");

    var atTop = api.post("/api/tickets/" + id + "/escalations", note("HIERARCHICAL", "again"));
    assertThat(atTop.status()).isEqualTo(409);
    assertThat(atTop.body().get("detail").asText()).contains("highest tier");
  }

  @Test
  void aTicketWithTheLongestTextsStillEscalatesAndItsNewOwnerGetsTheWholeHistory() {
    var body = new java.util.HashMap<String, Object>(TicketApi.ticketRequest("P3", "BILLING", "long-texts@example.com"));
    body.put("description", "\u20ac".repeat(20_000)); // 60 KB in utf8mb4: more than a TEXT column holds with the reply
    long id = api.post("/api/tickets", body).body().get("id").asLong();
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", "\u00e9".repeat(20_000))).status()).isEqualTo(202);

    assertThat(api.post("/api/tickets/" + id + "/escalations", note("FUNCTIONAL", "Customer is waiting")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("tier").asInt() == 2
        && api.notifications(id, "OWNER_ASSIGNED").size() == 2);
    assertThat(api.notifications(id, "OWNER_ASSIGNED").get(1).get("body").asText().length()).isGreaterThan(40_000);
  }

  private static Map<String, Object> note(String type, String overrideReason) {
    var body = new java.util.HashMap<String, Object>(Map.of(
        "type", type,
        "summary", "Customer cannot log in since the password reset",
        "attempted", "Password reset, cleared sessions",
        "need", "Access to the account audit log"));
    if (overrideReason != null) {
      body.put("overrideReason", overrideReason);
    }
    return body;
  }

  static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
