package dev.escalation.app.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.metrics.HandMadeLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' weekly digest over a hand-made week, Monday 1 to Sunday 7 June 2020 in Europe/Berlin
 * (31 May 22:00 to 7 June 22:00 UTC), with every figure known.
 */
@EmbeddedAppTest
class WeeklyDigestTest {
  private static final String MARK = "digest-test-";
  private static final LocalDate WEEK = LocalDate.parse("2020-06-01");

  @Autowired JdbcClient jdbc;
  @Autowired WeeklyDigest digest;

  @BeforeEach
  void ledger() {
    HandMadeLedger ledger = new HandMadeLedger(jdbc);
    if (ledger.hasCustomer(MARK)) {
      return;
    }
    // D1: BILLING, escalated after 10 min to billing1 (who acts 5 min later), resolved at tier 2 two hours after the handoff
    long d1 = ledger.ticket(MARK + "d1@example.com", "BILLING", "RESOLVED", 2, 1, "2020-06-02T08:00:00Z", "2020-06-02T10:10:00Z");
    ledger.escalation(d1, 2, "billing1", "2020-06-02T08:10:00Z", "2020-06-02T08:15:00Z");
    ledger.criteria(d1, "vip-threatens-to-leave", "2020-06-02T08:00:01Z");
    ledger.survey(d1, 2, "billing", "FUNCTIONAL", "email", 2, "2020-06-02T10:10:00Z");
    ledger.review(d1, "PRODUCT_BUG", "2020-06-02T12:00:00Z");
    ledger.audit(d1, "RULE_OVERRIDDEN", "2020-06-02T08:05:00Z", "agent1", "T8: escalated after 0 of 2 required attempts. Reason: Customer demo tomorrow");
    // D2: BILLING, closed at tier 1 an hour after opening, never escalated (its criteria rule does not count)
    long d2 = ledger.ticket(MARK + "d2@example.com", "BILLING", "CLOSED", 1, 0, "2020-06-03T08:00:00Z", "2020-06-03T09:00:00Z");
    ledger.criteria(d2, "vip-threatens-to-leave", "2020-06-03T08:00:01Z");
    ledger.review(d2, "KNOWLEDGE_GAP", "2020-06-03T12:00:00Z");
    // D3: TECHNICAL, escalated after 30 min to tech1, who has not acted
    long d3 = ledger.ticket(MARK + "d3@example.com", "TECHNICAL", "OPEN", 2, 1, "2020-06-04T08:00:00Z", null);
    ledger.escalation(d3, 2, "tech1", "2020-06-04T08:30:00Z", null);
    ledger.criteria(d3, "product-bug-to-technical", "2020-06-04T08:00:01Z");
    ledger.audit(d3, "RULE_OVERRIDDEN", "2020-06-04T08:25:00Z", "agent2", "T8: escalated after 1 of 2 required attempts. Reason: Outage");
    ledger.audit(d3, "RULE_OVERRIDDEN", "2020-06-04T08:26:00Z", "agent2", "T8: escalated after 1 of 2 required attempts. Reason: Customer demo tomorrow");
    // M9: D1's first clocks met its response, then escalated (the resolution target superseded); at tier 2 both were met;
    // D3's response breached at tier 1, its tier 2 clocks still run; the next week's ticket does not count
    target(d1, 1, "RESPONSE", "2020-06-02T08:00:00Z", "MET");
    target(d1, 1, "RESOLUTION", "2020-06-02T08:00:00Z", "SUPERSEDED");
    target(d1, 2, "RESPONSE", "2020-06-02T08:10:00Z", "MET");
    target(d1, 2, "RESOLUTION", "2020-06-02T08:10:00Z", "MET");
    target(d3, 1, "RESPONSE", "2020-06-04T08:00:00Z", "BREACHED");
    target(d3, 1, "RESOLUTION", "2020-06-04T08:00:00Z", "SUPERSEDED");
    target(d3, 2, "RESPONSE", "2020-06-04T08:30:00Z", "RUNNING");
    target(d3, 2, "RESOLUTION", "2020-06-04T08:30:00Z", "RUNNING");
    // D4: open at tier 1 on Sunday evening, 23:30 in Berlin: still this week
    ledger.ticket(MARK + "d4@example.com", "OTHER", "OPEN", 1, 0, "2020-06-07T21:30:00Z", null);
    // Monday 8 June 00:00 in Berlin: next week
    long next = ledger.ticket(MARK + "next@example.com", "BILLING", "OPEN", 2, 1, "2020-06-07T22:00:00Z", null);
    ledger.audit(next, "RULE_OVERRIDDEN", "2020-06-07T22:00:00Z", "agent1", "T8: escalated after 0 of 2 required attempts. Reason: Late");
    ledger.review(next, "PRODUCT_BUG", "2020-06-07T22:00:00Z");
    target(next, 1, "RESPONSE", "2020-06-07T22:00:00Z", "BREACHED");
  }

  private void target(long ticketId, int epoch, String clock, String startedAt, String state) {
    jdbc.sql("""
        INSERT INTO sla_target (ticket_id, epoch, clock, priority, tier, skill_group, channel, started_at, state)
        VALUES (?, ?, ?, 'P2', ?, NULL, 'email', ?, ?)""")
        .params(ticketId, epoch, clock, epoch, java.sql.Timestamp.from(java.time.Instant.parse(startedAt)), state).update();
  }

  @Test
  void theWeeksDigestHasEveryFigureAndGoesToEachManagerOnce() {
    assertThat(digest.send(WEEK)).isTrue();
    assertThat(digest.send(WEEK)).isFalse(); // a second check, or another replica: nothing more

    List<String> recipients = jdbc.sql("SELECT recipient FROM notification WHERE idempotency_key LIKE 'WEEKLY_DIGEST:2020-06-01:%' ORDER BY id")
        .query(String.class).list();
    assertThat(recipients).containsExactly("manager1@support.local", "manager2@support.local", "head1@support.local");
    assertThat(jdbc.sql("SELECT subject FROM notification WHERE idempotency_key = 'WEEKLY_DIGEST:2020-06-01:manager2'").query(String.class).single())
        .isEqualTo("Weekly escalation digest: week of Mon 1 Jun 2020");
    String body = jdbc.sql("SELECT body FROM notification WHERE idempotency_key = 'WEEKLY_DIGEST:2020-06-01:manager2'").query(String.class).single();
    assertThat(body).isEqualTo("""
        Hello Mia Manager,

        Week of Mon 1 Jun 2020 to Sun 7 Jun 2020 (Europe/Berlin)

        Volume and rates (tickets opened this week)
        - Tickets opened: 4, escalated: 2 (M1 escalation rate 50.0%, threshold 30.0%)
        - M2 time to escalation: average 20 min, median 10 min, 90th percentile 30 min
        - M3 re-escalation: 0 of 2 resolved tickets reopened (0.0%), 0 escalated again
        - M4 resolution time by tier: tier 1 1 h (1), tier 2 2 h (1)
        - M4 escalation response time: average 5 min (1 of 2 handoffs answered)

        SLA compliance (M9, clock periods started this week)
        - Response: 2 met, 1 breached (66.7% met), 1 pending
        - Resolution: 1 met, 0 breached (100.0% met), 1 pending

        Satisfaction (M5)
        - Surveys sent: 1, answered: 1 (100.0%), average rating: 2.0 of 5, rated 2 or less: 1

        Recurring issues
        - Review root causes: KNOWLEDGE_GAP 1, PRODUCT_BUG 1
        - Categories with the most escalated tickets: BILLING 1 of 2, TECHNICAL 1 of 1
        - Criteria rules on the most escalated tickets: product-bug-to-technical 1, vip-threatens-to-leave 1

        Rule overrides this week (M7): 3
        - By rule: T8 3
        - By reason: Customer demo tomorrow 2, Outage 1
        """);
  }

  @Test
  void theLastWeekIsTheOneThatEndedAtMidnightBetweenSundayAndMondayInTheSupportZone() {
    assertThat(digest.lastWeekStart(Instant.parse("2020-06-07T21:59:59Z"))).isEqualTo(LocalDate.parse("2020-05-25")); // Sun 23:59:59
    assertThat(digest.lastWeekStart(Instant.parse("2020-06-07T22:00:00Z"))).isEqualTo(LocalDate.parse("2020-06-01")); // Mon 00:00
  }
}
