package dev.escalation.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.escalation.app.metrics.EscalationMetrics;
import dev.escalation.app.metrics.MetricsProperties;
import dev.escalation.app.metrics.ReferenceMetrics;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The moments of V9 on a ledger of thousands of generated tickets (the benchmark's generator: random
 * handoffs, first actions before and after the next handoff, pauses, reopens, re-escalations),
 * stamped two ways, each checked per row and per figure against the reference (the SQL before V9):
 * by V9's backfill of a ledger written before it, and by the generator itself, as the benchmark
 * loads them.
 */
class MetricsMomentsBackfillTest {
  private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");
  private static final int TICKETS = 8_000;
  private static final Duration SPAN = Duration.ofDays(120);

  @TempDir Path dir;

  @Test
  void v9StampsTheMomentsOfALedgerWrittenBeforeIt() throws Exception {
    String url = EmbeddedMariaDb.jdbcUrl("metrics_backfill");
    Flyway.configure().dataSource(url, EmbeddedMariaDb.username(), EmbeddedMariaDb.password()).locations("classpath:db/migration", "classpath:db/demo").target("8").load().migrate();
    withLedger(url, db -> data().loadBeforeV9(db));
    Flyway.configure().dataSource(url, EmbeddedMariaDb.username(), EmbeddedMariaDb.password()).locations("classpath:db/migration", "classpath:db/demo").load().migrate();

    withLedger(url, MetricsMomentsBackfillTest::agreeWithTheReference);
  }

  @Test
  void theBenchmarksDataSetCarriesTheMomentsTheAppWouldHaveStamped() throws Exception {
    String url = EmbeddedMariaDb.jdbcUrl("metrics_generated");
    Flyway.configure().dataSource(url, EmbeddedMariaDb.username(), EmbeddedMariaDb.password()).locations("classpath:db/migration", "classpath:db/demo").load().migrate();
    withLedger(url, db -> data().load(db));

    withLedger(url, MetricsMomentsBackfillTest::agreeWithTheReference);
  }

  private static void agreeWithTheReference(JdbcClient db) {
    var metrics = new EscalationMetrics(db, new MetricsProperties(0.30), Clock.fixed(END, ZoneOffset.UTC));
    var reference = new ReferenceMetrics(db, 0.30);
    for (Instant[] window : List.of(
        new Instant[] {END.minus(Duration.ofDays(30)), END},
        new Instant[] {END.minus(SPAN), END.minus(Duration.ofDays(75))},
        new Instant[] {END.minus(SPAN), END})) {
      assertThat(reference.mismatches(window[0], window[1])).isEmpty();
      assertThat(metrics.compute(window[0], window[1])).isEqualTo(reference.compute(window[0], window[1]));
    }
    long[] handoffs = reference.handoffsAnsweredAndNot(END.minus(SPAN), END);
    assertThat(handoffs[0]).as("answered handoffs").isGreaterThan(1000);
    assertThat(handoffs[1]).as("unanswered handoffs").isGreaterThan(50);
    assertThat(metrics.compute(END.minus(SPAN), END).reescalation().reopenedEscalatedAgain()).isGreaterThan(10);
  }

  private ReportingData data() {
    ReportingData data = new ReportingData(TICKETS, END, SPAN, dir);
    try {
      data.write();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return data;
  }

  private static void withLedger(String url, Consumer<JdbcClient> work) {
    try (HikariDataSource ledger = new HikariDataSource()) {
      ledger.setJdbcUrl(url + "&allowLocalInfile=true");
      ledger.setUsername(EmbeddedMariaDb.username());
      ledger.setPassword(EmbeddedMariaDb.password());
      ledger.setMaximumPoolSize(2);
      work.accept(JdbcClient.create(ledger));
    }
  }
}
