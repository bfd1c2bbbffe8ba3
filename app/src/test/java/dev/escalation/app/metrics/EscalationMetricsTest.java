package dev.escalation.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.workers.handoff.FirstResponses;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The metrics over a hand-made ledger with known answers, written straight into the database in
 * March 2020, a window no other test's tickets fall into (they are opened "now"). The moments the
 * app stamps when it writes an escalation or an owner action are written as the app writes them:
 * the ticket's by the fixture (as {@code Ticket.escalateTo} sets them), the handoff's first response
 * by the app's own {@link FirstResponses}.
 */
@EmbeddedAppTest
class EscalationMetricsTest {
  private static final String WINDOW = "from=2020-03-01T00:00:00Z&to=2020-03-31T00:00:00Z";
  private static final String MARK = "metrics-test-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired FirstResponses firstResponses;
  TicketApi api;

  @BeforeEach
  void ledger() {
    api = new TicketApi(port);
    Long present = jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_email LIKE ?").param(MARK + "%").query(Long.class).single();
    if (present > 0) {
      return; // written by an earlier run in this JVM
    }
    // T1: closed at tier 1 after an hour, never escalated
    long t1 = ticket("t1", "CLOSED", 1, "agent1", 0, 0, "2020-03-02T10:00:00Z", "2020-03-02T11:00:00Z");
    audit(t1, "2020-03-02T10:30:00Z", "ATTEMPT_RECORDED", "agent1");
    audit(t1, "2020-03-02T11:00:00Z", "RESOLVED", "agent1");

    // T2: escalated after 10 min to billing1, who records an attempt 5 min later and resolves 2 h after the handoff
    long t2 = ticket("t2", "RESOLVED", 2, "billing1", 1, 0, "2020-03-03T10:00:00Z", "2020-03-03T12:10:00Z");
    escalation(t2, 1, 2, "agent1", "billing1", false, "2020-03-03T10:10:00Z");
    audit(t2, "2020-03-03T10:12:00Z", "OWNER_ASSIGNED", "system");
    audit(t2, "2020-03-03T10:15:00Z", "ATTEMPT_RECORDED", "billing1");
    audit(t2, "2020-03-03T12:10:00Z", "RESOLVED", "billing1");

    // T3: to tech1 after 20 min (tech1 never acts in time; the old owner's attempt does not count),
    // then to manager1 at 11:20, who asks the customer at 11:30 and resolves at 11:50
    long t3 = ticket("t3", "CLOSED", 3, "manager1", 2, 0, "2020-03-04T10:00:00Z", "2020-03-04T11:50:00Z");
    escalation(t3, 1, 2, "agent1", "tech1", false, "2020-03-04T10:20:00Z");
    audit(t3, "2020-03-04T10:25:00Z", "ATTEMPT_RECORDED", "agent1");
    escalation(t3, 2, 3, "tech1", "manager1", false, "2020-03-04T11:20:00Z");
    audit(t3, "2020-03-04T11:30:00Z", "WAITING_ON_CUSTOMER", "system");
    audit(t3, "2020-03-04T11:40:00Z", "ATTEMPT_RECORDED", "tech1");
    audit(t3, "2020-03-04T11:50:00Z", "RESOLVED", "manager1");

    // T4: reopened, then escalated (a re-escalation) 4 h after opening; billing1 resolves an hour later
    long t4 = ticket("t4", "RESOLVED", 2, "billing1", 1, 1, "2020-03-05T10:00:00Z", "2020-03-05T15:00:00Z");
    audit(t4, "2020-03-05T10:30:00Z", "RESOLVED", "agent1");
    audit(t4, "2020-03-05T11:00:00Z", "REOPENED", "customer");
    escalation(t4, 1, 2, "agent1", "billing1", true, "2020-03-05T14:00:00Z");
    audit(t4, "2020-03-05T15:00:00Z", "RESOLVED", "billing1");

    // T5: reopened, closed at tier 1, resolved 30 min after opening, never escalated
    ticket("t5", "CLOSED", 1, "agent2", 0, 1, "2020-03-06T10:00:00Z", "2020-03-06T10:30:00Z");
    // T6: open at tier 1
    ticket("t6", "OPEN", 1, null, 0, 0, "2020-03-07T10:00:00Z", null);
    // T7: open, escalated after 5 min to privacy1, who has not acted
    long t7 = ticket("t7", "OPEN", 2, null, 1, 0, "2020-03-08T10:00:00Z", null);
    escalation(t7, 1, 2, "agent1", "privacy1", false, "2020-03-08T10:05:00Z");

    // outside the window: the second before it and its (exclusive) end
    long before = ticket("before", "CLOSED", 2, "billing1", 1, 1, "2020-02-29T23:59:59Z", "2020-03-01T10:00:00Z");
    escalation(before, 1, 2, "agent1", "billing1", true, "2020-03-01T09:00:00Z");
    ticket("after", "OPEN", 1, null, 0, 0, "2020-03-31T00:00:00Z", null);
  }

  @Test
  void computesEachMetricOverTheTicketsOpenedInTheWindow() {
    TicketApi.Response response = api.get("/api/metrics?" + WINDOW);
    assertThat(response.status()).isEqualTo(200);
    JsonNode m = response.body();
    assertThat(m.at("/window/from").asText()).isEqualTo("2020-03-01T00:00:00Z");
    assertThat(m.at("/window/to").asText()).isEqualTo("2020-03-31T00:00:00Z");

    JsonNode rate = m.get("escalationRate");
    assertThat(rate.get("ticketsOpened").asLong()).isEqualTo(7);
    assertThat(rate.get("ticketsEscalated").asLong()).isEqualTo(4);
    assertThat(rate.get("rate").asDouble()).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(rate.get("alertThreshold").asDouble()).isEqualTo(0.30);
    assertThat(rate.get("alert").asBoolean()).isTrue();

    JsonNode toEscalation = m.get("timeToEscalation"); // 300, 600, 1200, 14400 s
    assertThat(toEscalation.get("escalatedTickets").asLong()).isEqualTo(4);
    assertThat(toEscalation.get("averageSeconds").asDouble()).isEqualTo(4125.0);
    assertThat(toEscalation.get("p50Seconds").asDouble()).isEqualTo(600.0);
    assertThat(toEscalation.get("p90Seconds").asDouble()).isEqualTo(14400.0);

    JsonNode reescalation = m.get("reescalation");
    assertThat(reescalation.get("resolvedOrClosed").asLong()).isEqualTo(5);
    assertThat(reescalation.get("resolvedOrClosedReopened").asLong()).isEqualTo(2);
    assertThat(reescalation.get("rate").asDouble()).isEqualTo(0.4);
    assertThat(reescalation.get("reopened").asLong()).isEqualTo(2);
    assertThat(reescalation.get("reopenedEscalatedAgain").asLong()).isEqualTo(1);
    assertThat(reescalation.get("reopenedEscalatedAgainRate").asDouble()).isEqualTo(0.5);

    JsonNode byTier = m.get("resolutionTimeByTier");
    assertThat(byTier).hasSize(3);
    assertTier(byTier.get(0), 1, 2, 2700.0); // T1 3600 s, T5 1800 s from opening
    assertTier(byTier.get(1), 2, 2, 5400.0); // T2 7200 s, T4 3600 s from the escalation into tier 2
    assertTier(byTier.get(2), 3, 1, 1800.0); // T3 from the escalation into tier 3

    JsonNode response4 = m.get("escalationResponse"); // T2 300 s, T3 to manager1 600 s, T4 3600 s; T3 to tech1 and T7 unanswered
    assertThat(response4.get("handoffs").asLong()).isEqualTo(5);
    assertThat(response4.get("answered").asLong()).isEqualTo(3);
    assertThat(response4.get("averageSeconds").asDouble()).isEqualTo(1500.0);
  }

  @Test
  void anEmptyWindowHasCountsButNoRates() {
    JsonNode m = api.get("/api/metrics?from=2019-01-01T00:00:00Z&to=2019-02-01T00:00:00Z").body();
    assertThat(m.at("/escalationRate/ticketsOpened").asLong()).isZero();
    assertThat(m.at("/escalationRate/rate").isNull()).isTrue();
    assertThat(m.at("/escalationRate/alert").asBoolean()).isFalse();
    assertThat(m.at("/timeToEscalation/averageSeconds").isNull()).isTrue();
    assertThat(m.get("resolutionTimeByTier")).isEmpty();
  }

  @Test
  void withoutAWindowTheLastThirtyDaysCount() {
    TicketApi.Response response = api.get("/api/metrics");
    assertThat(response.status()).isEqualTo(200);
    Instant from = Instant.parse(response.body().at("/window/from").asText());
    Instant to = Instant.parse(response.body().at("/window/to").asText());
    assertThat(java.time.Duration.between(from, to)).isEqualTo(java.time.Duration.ofDays(30));
  }

  @Test
  void aBadInstantIsA400NamingTheField() {
    TicketApi.Response response = api.get("/api/metrics?from=yesterday&to=2020-03-31T00:00:00Z");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("errors")).singleElement().satisfies(e -> {
      assertThat(e.get("field").asText()).isEqualTo("from");
      assertThat(e.get("message").asText()).contains("ISO-8601 instant");
    });

    TicketApi.Response reversed = api.get("/api/metrics?from=2020-03-31T00:00:00Z&to=2020-03-01T00:00:00Z");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body().at("/errors/0/field").asText()).isEqualTo("to");
  }

  private static void assertTier(JsonNode tier, int number, long resolved, double averageSeconds) {
    assertThat(tier.get("tier").asInt()).isEqualTo(number);
    assertThat(tier.get("resolvedTickets").asLong()).isEqualTo(resolved);
    assertThat(tier.get("averageSeconds").asDouble()).isEqualTo(averageSeconds);
  }

  private long ticket(String name, String status, int tier, String owner, int escalations, int reescalations, String openedAt,
      String resolvedAt) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, channel, subject, description, priority, category,
                            status, tier, max_tier, owner_username, response_clock, resolution_clock, escalation_count,
                            reescalation_count, opened_at, resolved_at, closed_at)
        VALUES (?, ?, 'en', 'email', ?, 'hand-made for the metrics test', 'P2', 'BILLING', ?, ?, 3, ?, 'MET', 'MET', ?, ?, ?, ?, ?)
        """)
        .params("Metrics " + name, MARK + name + "@example.com", "metrics " + name, status, tier, owner, escalations, reescalations,
            at(openedAt), at(resolvedAt), "CLOSED".equals(status) ? at(resolvedAt) : null)
        .update(key, "id");
    return key.getKey().longValue();
  }

  private void escalation(long ticketId, int fromTier, int toTier, String fromOwner, String toOwner, boolean reescalation, String at) {
    var note = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO handoff_note (ticket_id, author, automatic, escalation_type, summary, attempted, need, created_at)
        VALUES (?, 'system', TRUE, 'FUNCTIONAL', 'metrics test', 'nothing', 'an answer', ?)
        """).params(ticketId, at(at)).update(note, "id");
    jdbc.sql("""
        INSERT INTO escalation (ticket_id, ticket_opened_at, handoff_note_id, escalation_type, cause, from_tier, to_tier, from_owner,
                                to_owner, reescalation, escalated_at)
        SELECT t.id, t.opened_at, ?, 'FUNCTIONAL', 'RESPONSE_SLA_BREACHED', ?, ?, ?, ?, ?, ? FROM ticket t WHERE t.id = ?
        """).params(note.getKey().longValue(), fromTier, toTier, fromOwner, toOwner, reescalation, at(at), ticketId).update();
    jdbc.sql("UPDATE ticket SET first_escalated_at = COALESCE(first_escalated_at, ?), escalated_to_tier_at = ? WHERE id = ?")
        .params(at(at), at(at), ticketId).update();
    audit(ticketId, at, "ESCALATED", "system");
  }

  private void audit(long ticketId, String at, String type, String actor) {
    jdbc.sql("INSERT INTO audit_event (ticket_id, at, type, actor, detail) VALUES (?, ?, ?, ?, 'metrics test')")
        .params(ticketId, at(at), type, actor).update();
    firstResponses.update(ticketId);
  }

  private static Timestamp at(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
