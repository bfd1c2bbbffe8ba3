package dev.escalation.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The dashboard's weekly M1-M4 and escalation breakdown over a hand-made ledger with known answers,
 * written straight into the database in October 2018 (weeks of Monday 1 and Monday 8), a window no
 * other test's tickets fall into.
 *
 * <pre>
 * ticket  opened            category   opening rule   escalations (cause, at)                     status
 * X1      Tue 10-02 10:00   BILLING    vip-customer   MANUAL +10 min                              RESOLVED 12:00, review KNOWLEDGE_GAP
 * X2      Wed 10-03 10:00   BILLING    default        none                                        OPEN
 * X3      Tue 10-09 09:00   TECHNICAL  default        RESPONSE_SLA_BREACHED +20 min,              OPEN
 *                                                     RESOLUTION_SLA_BREACHED +2 h (a re-escalation), review PRODUCT_BUG
 * </pre>
 */
@EmbeddedAppTest
class DashboardReportsTest {
  private static final String MARK = "dashboard-test-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TicketApi manager;

  @BeforeEach
  void ledger() {
    manager = new TicketApi(port).as("manager1");
    if (jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_email LIKE ?").param(MARK + "%").query(Long.class).single() > 0) {
      return;
    }
    long x1 = ticket("x1", "BILLING", "RESOLVED", "2018-10-02T10:00:00Z", "2018-10-02T12:00:00Z", 1);
    evaluation(x1, "vip-customer", "2018-10-02T10:00:01Z");
    escalation(x1, "MANUAL", false, "2018-10-02T10:10:00Z");
    review(x1, "KNOWLEDGE_GAP", "2018-10-04T09:00:00Z");
    long x2 = ticket("x2", "BILLING", "OPEN", "2018-10-03T10:00:00Z", null, 0);
    evaluation(x2, "default", "2018-10-03T10:00:01Z");
    long x3 = ticket("x3", "TECHNICAL", "OPEN", "2018-10-09T09:00:00Z", null, 2);
    evaluation(x3, "default", "2018-10-09T09:00:01Z");
    escalation(x3, "RESPONSE_SLA_BREACHED", false, "2018-10-09T09:20:00Z");
    escalation(x3, "RESOLUTION_SLA_BREACHED", true, "2018-10-09T11:00:00Z");
    review(x3, "PRODUCT_BUG", "2018-10-12T09:00:00Z");
  }

  @Test
  void weeklyMetricsPerIsoWeekOldestFirst() {
    TicketApi.Response response = manager.get("/api/reports/weekly?weeks=3&at=2018-10-10T12:00:00Z");
    assertThat(response.status()).isEqualTo(200);
    JsonNode weeks = response.body().get("weeks");
    assertThat(weeks).hasSize(3);
    assertThat(weeks.get(0).get("week").asText()).isEqualTo("2018-09-24");
    assertThat(weeks.get(0).at("/metrics/escalationRate/ticketsOpened").asLong()).isZero();
    assertThat(weeks.get(1).get("week").asText()).isEqualTo("2018-10-01");
    assertThat(weeks.get(1).at("/metrics/window/from").asText()).isEqualTo("2018-10-01T00:00:00Z");
    assertThat(weeks.get(1).at("/metrics/window/to").asText()).isEqualTo("2018-10-08T00:00:00Z");
    assertThat(weeks.get(1).at("/metrics/escalationRate/ticketsOpened").asLong()).isEqualTo(2);
    assertThat(weeks.get(1).at("/metrics/escalationRate/rate").asDouble()).isEqualTo(0.5);
    assertThat(weeks.get(1).at("/metrics/timeToEscalation/averageSeconds").asDouble()).isEqualTo(600.0);
    assertThat(weeks.get(2).get("week").asText()).isEqualTo("2018-10-08");
    assertThat(weeks.get(2).at("/metrics/escalationRate/ticketsOpened").asLong()).isEqualTo(1);
    assertThat(weeks.get(2).at("/metrics/escalationRate/rate").asDouble()).isEqualTo(1.0);
    assertThat(weeks.get(2).at("/metrics/timeToEscalation/averageSeconds").asDouble()).isEqualTo(1200.0);
  }

  @Test
  void escalationVolumeByCauseCategoryAndRuleWithTheReviewsRootCauses() {
    TicketApi.Response response = manager.get("/api/reports/escalations?from=2018-10-01T00:00:00Z&to=2018-10-15T00:00:00Z");
    assertThat(response.status()).isEqualTo(200);
    JsonNode b = response.body();
    assertThat(b.get("byCause").toString())
        .isEqualTo("[{\"name\":\"MANUAL\",\"count\":1},{\"name\":\"RESOLUTION_SLA_BREACHED\",\"count\":1},"
            + "{\"name\":\"RESPONSE_SLA_BREACHED\",\"count\":1}]");
    assertThat(b.get("byCategory").toString())
        .isEqualTo("[{\"name\":\"TECHNICAL\",\"count\":2},{\"name\":\"BILLING\",\"count\":1}]");
    assertThat(b.get("byOpeningRule").toString())
        .isEqualTo("[{\"name\":\"default\",\"count\":2},{\"name\":\"vip-customer\",\"count\":1}]");
    assertThat(b.get("reescalations").asLong()).isEqualTo(1);
    assertThat(b.get("reviewRootCauses").toString())
        .isEqualTo("[{\"name\":\"KNOWLEDGE_GAP\",\"count\":1},{\"name\":\"PRODUCT_BUG\",\"count\":1}]");

    JsonNode firstWeek = manager.get("/api/reports/escalations?from=2018-10-01T00:00:00Z&to=2018-10-08T00:00:00Z").body();
    assertThat(firstWeek.get("byCause").toString()).isEqualTo("[{\"name\":\"MANUAL\",\"count\":1}]");
    assertThat(firstWeek.get("reescalations").asLong()).isZero();
  }

  @Test
  void badParametersAre400sNamingTheParameterAndAgentsAreRefused() {
    for (String[] bad : new String[][] {{"/api/reports/weekly?weeks=0", "weeks"}, {"/api/reports/weekly?weeks=53", "weeks"},
        {"/api/reports/weekly?weeks=two", "weeks"}, {"/api/reports/weekly?at=monday", "at"},
        {"/api/reports/escalations?to=soon", "to"}}) {
      TicketApi.Response response = manager.get(bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.body().at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    assertThat(new TicketApi(port).as("agent1").get("/api/reports/weekly").status()).isEqualTo(403);
    assertThat(new TicketApi(port).as("billing1").get("/api/reports/escalations").status()).isEqualTo(403);
  }

  private long ticket(String name, String category, String status, String openedAt, String resolvedAt, int escalations) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, channel, subject, description, priority, category,
                            status, tier, max_tier, response_clock, resolution_clock, escalation_count, opened_at, resolved_at)
        VALUES (?, ?, 'en', 'email', ?, 'hand-made for the dashboard test', 'P2', ?, ?, 1, 3, 'MET', 'MET', ?, ?, ?)
        """)
        .params("Dashboard " + name, MARK + name + "@example.com", "dashboard " + name, category, status, escalations, at(openedAt),
            at(resolvedAt))
        .update(key, "id");
    return key.getKey().longValue();
  }

  private void evaluation(long ticketId, String rule, String at) {
    jdbc.sql("""
        INSERT INTO criteria_evaluation (ticket_id, message_id, rule_id, reason, inputs, outputs, evaluated_at)
        VALUES (?, NULL, ?, 'dashboard test', '{}', ?, ?)
        """).params(ticketId, rule, "{\"ruleId\":\"" + rule + "\"}", at(at)).update();
  }

  private void escalation(long ticketId, String cause, boolean reescalation, String at) {
    var note = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO handoff_note (ticket_id, author, automatic, escalation_type, summary, attempted, need, created_at)
        VALUES (?, 'system', TRUE, 'FUNCTIONAL', 'dashboard test', 'nothing', 'an answer', ?)
        """).params(ticketId, at(at)).update(note, "id");
    jdbc.sql("""
        INSERT INTO escalation (ticket_id, ticket_opened_at, handoff_note_id, escalation_type, cause, from_tier, to_tier, from_owner,
                                to_owner, reescalation, escalated_at)
        SELECT t.id, t.opened_at, ?, 'FUNCTIONAL', ?, 1, 2, 'agent1', 'billing1', ?, ? FROM ticket t WHERE t.id = ?
        """).params(note.getKey().longValue(), cause, reescalation, at(at), ticketId).update();
    jdbc.sql("UPDATE ticket SET first_escalated_at = COALESCE(first_escalated_at, ?), escalated_to_tier_at = ? WHERE id = ?")
        .params(at(at), at(at), ticketId).update();
  }

  private void review(long ticketId, String rootCause, String reviewedAt) {
    jdbc.sql("""
        INSERT INTO escalation_review (ticket_id, resolution_number, escalation_count, status, reviewer, avoidable, root_cause,
                                       what_would_have_helped, requested_at, reviewed_at)
        VALUES (?, 0, 1, 'DONE', 'manager1', FALSE, ?, 'dashboard test', ?, ?)
        """).params(ticketId, rootCause, at(reviewedAt), at(reviewedAt)).update();
  }

  private static Timestamp at(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
