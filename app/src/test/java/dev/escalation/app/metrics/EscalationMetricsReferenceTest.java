package dev.escalation.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.metrics.EscalationMetrics.Report;
import dev.escalation.app.metrics.EscalationMetrics.TierResolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metrics from the moments the app stamps (V9) against the reference, the SQL before V9 that
 * derived them from the escalations and the audit trail, over tickets worked through the real API
 * and process: handoffs answered by an attempt, a pause or a resolution, by the new owner or not,
 * before or after the next handoff, unanswered ones, reopens and re-escalations, a ticket the
 * criteria start at tier 2, and a manager standing in at tier 2.
 */
@EmbeddedAppTest
class EscalationMetricsReferenceTest {
  private static final Duration STEP = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired EscalationMetrics metrics;
  @Autowired MetricsProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  TicketApi api;

  @Test
  void theStampedMomentsGiveEachFigureTheAuditTrailGives() {
    api = new TicketApi(port);
    Instant from = clock.instant();

    long tierOne = open("OTHER", "tier-one");
    attempt(tierOne, owner(tierOne));
    resolve(tierOne, 1);

    long answeredByAttempt = open("BILLING", "attempt");
    escalate(answeredByAttempt, "FUNCTIONAL", 2);
    attempt(answeredByAttempt, owner(answeredByAttempt));
    resolve(answeredByAttempt, 1);

    long answeredByPause = open("TECHNICAL", "pause");
    escalate(answeredByPause, "FUNCTIONAL", 2);
    askCustomer(answeredByPause);
    resolve(answeredByPause, 1);

    // billing1 never answers; the head of support's attempt is not the new owner's; the manager answers
    long unansweredThenManagement = open("BILLING", "next-handoff");
    escalate(unansweredThenManagement, "FUNCTIONAL", 2);
    attempt(unansweredThenManagement, TicketApi.DEFAULT_USER);
    escalate(unansweredThenManagement, "HIERARCHICAL", 3);
    attempt(unansweredThenManagement, owner(unansweredThenManagement));
    resolve(unansweredThenManagement, 1);

    long reescalated = open("OTHER", "reescalated");
    resolve(reescalated, 1);
    reopen(reescalated, "The export still fails for the customer");
    escalate(reescalated, "FUNCTIONAL", 2);
    attempt(reescalated, owner(reescalated));
    resolve(reescalated, 2);

    long resolvedTwiceAtTierTwo = open("BILLING", "resolved-twice");
    escalate(resolvedTwiceAtTierTwo, "FUNCTIONAL", 2);
    resolve(resolvedTwiceAtTierTwo, 1);
    reopen(resolvedTwiceAtTierTwo, "The refund did not arrive");
    resolve(resolvedTwiceAtTierTwo, 2);

    long stillOpen = open("TECHNICAL", "still-open");
    escalate(stillOpen, "FUNCTIONAL", 2);

    long startedAtTierTwo = api.open(TicketApi.ticketRequest("P3", "ACCOUNT", "metrics-ref-criteria@example.com", true,
        "My data was shared", "You shared my personal data with a third party without my consent. This is a GDPR violation."));
    await().atMost(STEP).until(() -> api.ticket(startedAtTierTwo).hasNonNull("owner")
        && "RUNNING".equals(api.ticket(startedAtTierTwo).get("responseClock").asText()));
    resolve(startedAtTierTwo, 1);

    boolean standInOwnsTierThreeToo = managerStandsInAtTierTwoAndActsAfterTheNextHandoff();

    ReferenceMetrics reference = new ReferenceMetrics(jdbc, properties.alertThreshold());
    Instant to = clock.instant().plusSeconds(1);
    assertThat(reference.mismatches(from, to)).isEmpty();
    Report report = metrics.compute(from, to);
    assertThat(report).isEqualTo(reference.compute(from, to));

    // and the cases above are all there
    assertThat(report.escalationRate().ticketsOpened()).isEqualTo(9);
    assertThat(report.escalationRate().ticketsEscalated()).isEqualTo(7);
    assertThat(report.reescalation().reopenedEscalatedAgain()).isEqualTo(1);
    assertThat(report.resolutionTimeByTier()).extracting(TierResolution::tier, TierResolution::resolvedTickets)
        .containsExactly(tuple(1, 1L), tuple(2, 4L), tuple(3, 1L)); // the criteria's tier 2 ticket has no handoff into it
    long standInAnswers = standInOwnsTierThreeToo ? 1 : 0;
    assertThat(reference.handoffsAnsweredAndNot(from, to)).as(() -> "handoffs answered in time, and not:\n" + handoffs(from, to))
        .containsExactly(5 + standInAnswers, 4 - standInAnswers);
  }

  /**
   * With the billing specialist away, a manager takes the tier 2 handoff (H1) and does not act before
   * the handoff to management; acting after it, as a supervisor may, answers that later one only if
   * the same manager owns it. Returns whether that is so (the least loaded manager takes tier 3).
   */
  private boolean managerStandsInAtTierTwoAndActsAfterTheNextHandoff() {
    jdbc.sql("UPDATE roster_member SET available = FALSE WHERE username = 'billing1'").update();
    long id;
    String standIn;
    try {
      id = open("BILLING", "stand-in");
      escalate(id, "FUNCTIONAL", 2);
      standIn = owner(id);
      assertThat(standIn).startsWith("manager");
    } finally {
      jdbc.sql("UPDATE roster_member SET available = TRUE WHERE username = 'billing1'").update();
    }
    escalate(id, "HIERARCHICAL", 3);
    attempt(id, standIn);
    return standIn.equals(owner(id));
  }

  /** The handoffs of the window with their owner actions, to tell which one a failed count is about. */
  private String handoffs(Instant from, Instant to) {
    return String.join("\n", jdbc.sql("""
        SELECT CONCAT(e.ticket_id, ' ', e.from_tier, '->', e.to_tier, ' to ', COALESCE(e.to_owner, '-'), ' at ', e.escalated_at,
                      ' answered ', COALESCE(e.first_response_at, '-'), ' trail: ',
                      (SELECT GROUP_CONCAT(a.type, ':', a.actor, '@', a.at ORDER BY a.at, a.id SEPARATOR ', ') FROM audit_event a
                       WHERE a.ticket_id = e.ticket_id AND a.type IN ('ATTEMPT_RECORDED', 'RESOLVED', 'WAITING_ON_CUSTOMER', 'ESCALATED')))
        FROM escalation e WHERE e.ticket_opened_at >= ? AND e.ticket_opened_at < ? ORDER BY e.id
        """).params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)).query(String.class).list());
  }

  // ------------------------------------------------------------ steps through the API, each awaited

  private long open(String category, String name) {
    long id = api.open("P3", category, "metrics-ref-" + name + "@example.com");
    await().atMost(STEP).until(() -> api.ticket(id).hasNonNull("owner") && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    return id;
  }

  private String owner(long id) {
    return api.ticket(id).get("owner").get("username").asText();
  }

  private void attempt(long id, String by) {
    assertThat(api.as(by).post("/api/tickets/" + id + "/attempts", Map.of("note", "Checked the logs")).status()).isEqualTo(202);
  }

  /** By the current owner, with an override reason (T7); done when the new owner holds the handoff. */
  private void escalate(long id, String type, int toTier) {
    int before = api.get("/api/tickets/" + id + "/escalations").body().size();
    Map<String, Object> note = new HashMap<>(Map.of("type", type, "summary", "The customer is blocked", "attempted", "Logs, retry",
        "need", "Someone who can act", "overrideReason", "Time-sensitive"));
    assertThat(api.as(owner(id)).post("/api/tickets/" + id + "/escalations", note).status()).isEqualTo(202);
    await().atMost(STEP).until(() -> {
      JsonNode escalations = api.get("/api/tickets/" + id + "/escalations").body();
      return escalations.size() == before + 1 && escalations.get(before).hasNonNull("toOwner")
          && api.ticket(id).get("tier").asInt() == toTier && "RUNNING".equals(api.ticket(id).get("responseClock").asText());
    });
  }

  private void askCustomer(long id) {
    assertThat(api.as(owner(id)).post("/api/tickets/" + id + "/waiting-on-customer", Map.of("question", "Which browser do you use?"))
        .status()).isEqualTo(202);
    await().atMost(STEP).until(() -> api.timelineTypes(id).contains("WAITING_ON_CUSTOMER"));
    api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", "Firefox on Windows"));
    await().atMost(STEP).until(() -> "OPEN".equals(api.ticket(id).get("status").asText())
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
  }

  /** By the owner; done when the process has recorded the {@code n}th resolution. */
  private void resolve(long id, int n) {
    assertThat(api.as(owner(id)).post("/api/tickets/" + id + "/resolution", Map.of("summary", "Fixed")).status()).isEqualTo(202);
    await().atMost(STEP).until(() -> api.timelineTypes(id).stream().filter("RESOLVED"::equals).count() == n);
  }

  private void reopen(long id, String reason) {
    int reopens = (int) api.timelineTypes(id).stream().filter("REOPENED"::equals).count();
    assertThat(api.post("/api/tickets/" + id + "/reopen", Map.of("reason", reason)).status()).isEqualTo(202);
    await().atMost(STEP).until(() -> api.timelineTypes(id).stream().filter("REOPENED"::equals).count() == reopens + 1
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
  }
}
