package dev.escalation.app.overrides;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.metrics.HandMadeLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** M7: every rule override listed for managers with its filters, and reviewed once with a learning note. */
@EmbeddedAppTest
class OverridesReviewTest {
  private static final String MARK = "overrides-test-";
  private static final String JULY = "from=2020-07-01T00:00:00Z&to=2020-08-01T00:00:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TicketApi api;
  long ticket;
  long vip;
  long weekend;
  long skip;

  @BeforeEach
  void ledger() {
    api = new TicketApi(port).as("manager1");
    HandMadeLedger ledger = new HandMadeLedger(jdbc);
    if (!ledger.hasCustomer(MARK)) {
      long t = ledger.ticket(MARK + "a@example.com", "BILLING", "OPEN", 2, 1, "2020-07-01T09:00:00Z", null);
      ledger.audit(t, "RULE_OVERRIDDEN", "2020-07-01T10:00:00Z", "agent1", "T8: escalated after 0 of 2 required attempts. Reason: VIP outage");
      ledger.audit(t, "RULE_OVERRIDDEN", "2020-07-02T10:00:00Z", "agent2", "T8: escalated after 1 of 2 required attempts. Reason: Weekend release, 100%_done");
      ledger.audit(t, "RULE_OVERRIDDEN", "2020-07-03T10:00:00Z", "tech1", "H4: skipped tier 2. Reason: obvious product bug");
      ledger.audit(t, "ESCALATED", "2020-07-02T10:00:01Z", "system", "T8: not an override");
      ledger.audit(t, "RULE_OVERRIDDEN", "2020-08-01T00:00:00Z", "agent1", "T8: escalated after 0 of 2 required attempts. Reason: Late");
    }
    ticket = jdbc.sql("SELECT id FROM ticket WHERE customer_email = ?").param(MARK + "a@example.com").query(Long.class).single();
    vip = auditId("VIP outage");
    weekend = auditId("Weekend release");
    skip = auditId("obvious product bug");
  }

  @Test
  void managersListFilterAndReviewEachOverrideOnce() {
    JsonNode all = api.get("/api/overrides?" + JULY).body();
    assertThat(ids(all)).containsExactly(skip, weekend, vip);
    JsonNode first = all.get(2);
    assertThat(first.get("ticketId").asLong()).isEqualTo(ticket);
    assertThat(first.get("at").asText()).isEqualTo("2020-07-01T10:00:00Z");
    assertThat(first.get("actor").asText()).isEqualTo("agent1");
    assertThat(first.get("rule").asText()).isEqualTo("T8");
    assertThat(first.get("reason").asText()).isEqualTo("VIP outage");
    assertThat(first.get("review").isNull()).isTrue();
    assertThat(all.get(0).get("rule").asText()).isEqualTo("H4");

    assertThat(ids(api.get("/api/overrides?" + JULY + "&rule=T8").body())).containsExactly(weekend, vip);
    assertThat(ids(api.get("/api/overrides?" + JULY + "&text=weekend").body())).containsExactly(weekend);
    assertThat(ids(api.get("/api/overrides?" + JULY + "&text=100%25_").body())).containsExactly(weekend);
    assertThat(ids(api.get("/api/overrides?" + JULY + "&text=0%25_").body())).containsExactly(weekend); // % and _ are literal
    assertThat(ids(api.get("/api/overrides?" + JULY + "&text=10_%25").body())).isEmpty(); // as wildcards "10_%" would match "100%_done"
    assertThat(ids(api.get("/api/overrides?from=2020-07-02T00:00:00Z&to=2020-07-03T10:00:00Z").body())).containsExactly(weekend);

    // reviewing, by a manager, with a note; the head of support may too
    TicketApi.Response reviewed = api.post("/api/overrides/" + weekend + "/review", Map.of("note", " Releases on weekends need an on-call developer "));
    assertThat(reviewed.status()).isEqualTo(200);
    assertThat(reviewed.body().at("/review/by").asText()).isEqualTo("manager1");
    assertThat(reviewed.body().at("/review/note").asText()).isEqualTo("Releases on weekends need an on-call developer");
    assertThat(reviewed.body().at("/review/at").asText()).isNotBlank();
    assertThat(api.as("head1").post("/api/overrides/" + skip + "/review", Map.of("note", "Good call")).status()).isEqualTo(200);
    assertThat(api.timelineTypes(ticket)).contains("OVERRIDE_REVIEWED");

    // once: a second review is refused and changes nothing
    TicketApi.Response again = api.as("manager2").post("/api/overrides/" + weekend + "/review", Map.of("note", "Another view"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("title").asText()).isEqualTo("Override already reviewed");
    assertThat(api.get("/api/overrides?" + JULY + "&reviewed=true").body().get(1).at("/review/note").asText())
        .isEqualTo("Releases on weekends need an on-call developer");
    assertThat(ids(api.get("/api/overrides?" + JULY + "&reviewed=true").body())).containsExactly(skip, weekend);
    assertThat(ids(api.get("/api/overrides?" + JULY + "&reviewed=false").body())).containsExactly(vip);

    // only overrides can be reviewed
    long escalated = auditIdOfType("ESCALATED", "T8: not an override");
    assertThat(api.post("/api/overrides/" + escalated + "/review", Map.of("note", "x")).status()).isEqualTo(404);
    assertThat(api.post("/api/overrides/999999999/review", Map.of("note", "x")).status()).isEqualTo(404);
  }

  @Test
  void othersAreRefusedAndBadInputNamesTheField() {
    for (String user : List.of("agent1", "tech1", "admin")) {
      assertThat(api.as(user).get("/api/overrides").status()).as(user).isEqualTo(403);
      assertThat(api.as(user).post("/api/overrides/" + vip + "/review", Map.of("note", "not mine")).status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get("/api/overrides").status()).isEqualTo(401);
    assertThat(api.anonymous().post("/api/overrides/" + vip + "/review", Map.of("note", "x")).status()).isEqualTo(401);
    assertThat(api.get("/api/overrides?" + JULY + "&reviewed=false").body().toString()).contains("VIP outage");

    assertField(api.post("/api/overrides/" + vip + "/review", Map.of("note", " ")), "note", "must not be blank");
    assertField(api.get("/api/overrides?rule=t8"), "rule", "must be a rule id such as T8");
    assertField(api.get("/api/overrides?reviewed=yes"), "reviewed", "must be true or false");
    assertField(api.get("/api/overrides?from=yesterday"), "from", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not 'yesterday'");
    assertField(api.get("/api/overrides?from=2020-07-02T00:00:00Z&to=2020-07-01T00:00:00Z"), "to", "must be after from (2020-07-02T00:00:00Z)");
    assertField(api.get("/api/overrides?text=%E2%80%AEevil"), "text",
        "must not contain bidirectional embedding, override or isolate characters (U+202A to U+202E, U+2066 to U+2069)");
    assertThat(api.post("/api/overrides/abc/review", Map.of("note", "x")).status()).isEqualTo(400);
  }

  private long auditId(String reasonPart) {
    return auditIdOfType("RULE_OVERRIDDEN", "%" + reasonPart + "%");
  }

  private long auditIdOfType(String type, String detail) {
    return jdbc.sql("SELECT id FROM audit_event WHERE ticket_id = ? AND type = ? AND detail LIKE ?").params(ticket, type, detail)
        .query(Long.class).single();
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(o -> ids.add(o.get("id").asLong()));
    return ids;
  }

  private static void assertField(TicketApi.Response response, String field, String message) {
    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    assertThat(response.body().at("/errors/0/message").asText()).isEqualTo(message);
  }
}
