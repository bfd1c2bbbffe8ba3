package dev.escalation.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.metrics.HandMadeLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * M8 over a hand-made ledger of tickets opened in 2018, checked at chosen moments (the trailing window is
 * 30 days, the threshold 30 %): up, still up, down, up again, still up: two alerts, one recorded fall.
 */
@EmbeddedAppTest
class EscalationRateAlertTest {
  private static final String MARK = "rate-alert-test-";

  @Autowired JdbcClient jdbc;
  @Autowired EscalationRateAlerts alerts;

  @BeforeEach
  void ledger() {
    HandMadeLedger ledger = new HandMadeLedger(jdbc);
    if (!ledger.hasCustomer(MARK)) {
      // January: 1 of 2 escalated (50 %), both BILLING; the escalated one matched rule vip-threatens-to-leave
      long a = ledger.ticket(MARK + "a@example.com", "BILLING", "OPEN", 2, 1, "2018-01-10T10:00:00Z", null);
      ledger.criteria(a, "vip-threatens-to-leave", "2018-01-10T10:00:01Z");
      ledger.ticket(MARK + "b@example.com", "BILLING", "OPEN", 1, 0, "2018-01-11T10:00:00Z", null);
      // mid February: 4 tickets, none escalated
      for (String openedAt : List.of("2018-02-15T10:00:00Z", "2018-02-16T10:00:00Z", "2018-02-17T10:00:00Z", "2018-02-18T10:00:00Z")) {
        ledger.ticket(MARK + "feb-" + openedAt.substring(8, 10) + "@example.com", "OTHER", "OPEN", 1, 0, openedAt, null);
      }
      // March: 2 escalated TECHNICAL tickets: with February's four, 2 of 6 (33.3 %)
      long g = ledger.ticket(MARK + "g@example.com", "TECHNICAL", "OPEN", 2, 1, "2018-03-01T10:00:00Z", null);
      ledger.criteria(g, "product-bug-to-technical", "2018-03-01T10:00:01Z");
      long h = ledger.ticket(MARK + "h@example.com", "TECHNICAL", "OPEN", 2, 1, "2018-03-02T10:00:00Z", null);
      ledger.criteria(h, "product-bug-to-technical", "2018-03-02T10:00:01Z");
    }
    // the state row belongs to this test in the end-to-end context (the schedule is off there)
    jdbc.sql("UPDATE escalation_rate_state SET above = FALSE WHERE id = 1").update();
    jdbc.sql("DELETE FROM escalation_rate_crossing WHERE window_to < '2019-01-01'").update();
  }

  @Test
  void managersAreToldOncePerCrossingAndTheFallIsRecorded() throws Exception {
    long alertsBefore = alertMails();

    Optional<RateCrossing> up = alerts.check(Instant.parse("2018-01-20T00:00:00Z"));
    assertThat(up).hasValueSatisfying(c -> {
      assertThat(c.above()).isTrue();
      assertThat(c.ticketsOpened()).isEqualTo(2);
      assertThat(c.ticketsEscalated()).isEqualTo(1);
      assertThat(c.rate()).isEqualTo(0.5);
    });
    assertThat(alerts.check(Instant.parse("2018-01-25T00:00:00Z"))).isEmpty(); // still 50 %: nothing repeats
    Optional<RateCrossing> down = alerts.check(Instant.parse("2018-02-20T00:00:00Z")); // 0 of 4
    assertThat(down).hasValueSatisfying(c -> assertThat(c.above()).isFalse());
    assertThat(alerts.check(Instant.parse("2018-02-21T00:00:00Z"))).isEmpty();

    // two replicas check at the same moment: one of them sees the crossing
    Instant march = Instant.parse("2018-03-10T00:00:00Z"); // 2 of 6
    List<Optional<RateCrossing>> both = concurrently(() -> alerts.check(march), () -> alerts.check(march));
    assertThat(both.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    RateCrossing again = both.stream().flatMap(Optional::stream).findFirst().orElseThrow();
    assertThat(again.above()).isTrue();
    assertThat(again.rate()).isEqualTo(2.0 / 6);
    assertThat(alerts.check(Instant.parse("2018-03-12T00:00:00Z"))).isEmpty();

    assertThat(jdbc.sql("SELECT direction FROM escalation_rate_crossing WHERE window_to < '2019-01-01' ORDER BY id").query(String.class).list())
        .containsExactly("ABOVE", "BELOW", "ABOVE");
    // exactly two alerts, each to every manager and the head of support
    List<String> keys = jdbc.sql("SELECT idempotency_key FROM notification WHERE kind = 'ESCALATION_RATE_ALERT' ORDER BY id")
        .query(String.class).list();
    assertThat(alertMails() - alertsBefore).isEqualTo(6);
    assertThat(keys.subList(keys.size() - 6, keys.size())).containsExactly(
        "ESCALATION_RATE_ALERT:" + up.get().id() + ":manager1", "ESCALATION_RATE_ALERT:" + up.get().id() + ":manager2",
        "ESCALATION_RATE_ALERT:" + up.get().id() + ":head1", "ESCALATION_RATE_ALERT:" + again.id() + ":manager1",
        "ESCALATION_RATE_ALERT:" + again.id() + ":manager2", "ESCALATION_RATE_ALERT:" + again.id() + ":head1");

    String body = jdbc.sql("SELECT body FROM notification WHERE idempotency_key = ?")
        .param("ESCALATION_RATE_ALERT:" + again.id() + ":manager1").query(String.class).single();
    assertThat(body).isEqualTo("""
        Hello Morgan Manager,

        the escalation rate rose above the threshold: 2 of 6 tickets opened from Thu 8 Feb 2018, 01:00 CET to Sat 10 Mar 2018, 01:00 CET \
        were escalated (33.3%; threshold 30.0%).

        Categories with the most escalated tickets:
        - TECHNICAL: 2 of 2 tickets escalated

        Criteria rules matched on the most escalated tickets:
        - product-bug-to-technical: 2 tickets

        You are told once per crossing: nothing more comes while the rate stays above the threshold.""");
    assertThat(jdbc.sql("SELECT subject FROM notification WHERE idempotency_key = ?")
        .param("ESCALATION_RATE_ALERT:" + up.get().id() + ":head1").query(String.class).single())
        .isEqualTo("Escalation rate 50.0% is above the 30.0% threshold");
    // the fall is in the audit trail, with no ticket
    assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'ESCALATION_RATE_BELOW' ORDER BY id DESC LIMIT 1").query(String.class).single())
        .isEqualTo("M8: escalation rate 0.0% (0 of 4 tickets opened in the last 30 d) is no longer above the threshold of 30.0%; recorded");
  }

  private long alertMails() {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE kind = 'ESCALATION_RATE_ALERT'").query(Long.class).single();
  }

  @SafeVarargs
  private static <T> List<T> concurrently(Callable<T>... calls) throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(calls.length)) {
      List<Future<T>> futures = threads.invokeAll(List.of(calls));
      List<T> results = new java.util.ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }
}
