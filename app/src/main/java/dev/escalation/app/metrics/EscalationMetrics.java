package dev.escalation.app.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The escalation metrics (product rules M1-M4) over the tickets <em>opened</em> in a window
 * {@code [from, to)}: every figure is about that cohort of tickets. All of it is computed in SQL, as
 * range scans of the covering indexes of {@code V9__metrics_moments.sql} (the tickets opened in the
 * window; their escalations), on moments the ledger stamps when they happen; Java only divides.
 *
 * <ul>
 *   <li>M1 escalation rate: share of the tickets opened in the window that were escalated at least
 *       once, with an alert flag above {@code escalation.metrics.alert-threshold};
 *   <li>M2 time to escalation: opening to the first escalation ({@code ticket.first_escalated_at}),
 *       average and p50/p90 (nearest rank, {@code PERCENTILE_DISC}), in seconds;
 *   <li>M3 re-escalation rate: reopened tickets ({@code reescalation_count > 0}) among the resolved or
 *       closed ones; and the share of reopened tickets that were escalated again after a reopen (an
 *       escalation flagged {@code reescalation});
 *   <li>M4 resolution time by tier: from arriving at the tier the ticket was resolved at (opening for
 *       tier 1, the escalation into the tier otherwise: {@code ticket.escalated_to_tier_at}, counted
 *       when it came before {@code resolved_at}) to {@code resolved_at}; tickets the criteria started
 *       above tier 1 and resolved there have no such escalation and are not counted;
 *   <li>M4 escalation response time: from a handoff to the new owner's first action
 *       ({@code escalation.first_response_at}), the first {@code ATTEMPT_RECORDED}, {@code REPLIED_TO_CUSTOMER}
 *       or {@code RESOLVED} by that owner, or {@code WAITING_ON_CUSTOMER} (recorded by the system when the owner asked
 *       the customer), before the next handoff; handoffs without an owner yet are not counted.
 * </ul>
 *
 * <p>The stamps are written with what they stamp: an escalation, its ticket's count and moments and
 * its {@code ticket_opened_at} in one transaction ({@code Handoffs}), flagged {@code reescalation}
 * only once the ticket was reopened; the first response wherever an owner action is recorded
 * ({@code FirstResponses}). {@code EscalationMetricsReferenceTest} holds the figures equal to the SQL
 * before V9, which derived every moment from the escalations and the audit trail at query time.
 *
 * <p>The four queries are independent and run at the same time, each on a connection of its own: a
 * call takes about as long as the slowest one when the database has the cores. Each query reads the
 * ledger as it is when it starts, so a change committed while they run can show in one figure and not
 * yet in another, as it would between two calls a moment apart. Nothing is cached.
 */
@Service
public class EscalationMetrics {
  /** The window {@code GET /api/metrics} uses when none is given. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  static final String TICKETS = """
      SELECT COUNT(*) AS opened,
             COALESCE(SUM(t.escalation_count > 0), 0) AS escalated,
             COALESCE(SUM(t.status IN ('RESOLVED', 'CLOSED')), 0) AS resolved_or_closed,
             COALESCE(SUM(t.status IN ('RESOLVED', 'CLOSED') AND t.reescalation_count > 0), 0) AS resolved_reopened,
             COALESCE(SUM(t.reescalation_count > 0), 0) AS reopened
      FROM ticket t
      WHERE t.opened_at >= :from AND t.opened_at < :to
      """;

  static final String TIME_TO_ESCALATION = """
      SELECT COUNT(*) OVER () AS escalated,
             AVG(f.micros) OVER () AS avg_micros,
             PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY f.micros) OVER () AS p50_micros,
             PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY f.micros) OVER () AS p90_micros
      FROM (SELECT TIMESTAMPDIFF(MICROSECOND, t.opened_at, t.first_escalated_at) AS micros
            FROM ticket t
            WHERE t.opened_at >= :from AND t.opened_at < :to AND t.first_escalated_at IS NOT NULL) f
      LIMIT 1
      """;

  static final String RESOLUTION_TIME_BY_TIER = """
      SELECT t.tier, COUNT(*) AS resolved,
             AVG(TIMESTAMPDIFF(MICROSECOND, IF(t.tier = 1, t.opened_at, t.escalated_to_tier_at), t.resolved_at)) AS avg_micros
      FROM ticket t
      WHERE t.opened_at >= :from AND t.opened_at < :to
        AND t.status IN ('RESOLVED', 'CLOSED') AND t.resolved_at IS NOT NULL
        AND (t.tier = 1 OR t.escalated_to_tier_at <= t.resolved_at)
      GROUP BY t.tier
      ORDER BY t.tier
      """;

  /**
   * The escalations of the tickets opened in the window: the handoffs with an owner, the answered
   * ones and their response time (M4), and the tickets escalated again after a reopen (M3).
   */
  static final String ESCALATIONS = """
      SELECT COUNT(e.to_owner) AS handoffs,
             COUNT(IF(e.to_owner IS NULL, NULL, e.first_response_at)) AS answered,
             AVG(IF(e.to_owner IS NULL, NULL, TIMESTAMPDIFF(MICROSECOND, e.escalated_at, e.first_response_at))) AS avg_micros,
             COUNT(DISTINCT IF(e.reescalation, e.ticket_id, NULL)) AS escalated_again
      FROM escalation e
      WHERE e.ticket_opened_at >= :from AND e.ticket_opened_at < :to
      """;

  private final JdbcClient jdbc;
  private final MetricsProperties properties;
  private final Clock clock;

  /** Public so that the same SQL can run against another database (the benchmark's). */
  public EscalationMetrics(JdbcClient jdbc, MetricsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  public record Window(Instant from, Instant to) {}

  /** M1. {@code rate} is null when no ticket was opened in the window. */
  public record EscalationRate(long ticketsOpened, long ticketsEscalated, Double rate, double alertThreshold, boolean alert) {}

  /** M2: opening to first escalation, in seconds; null figures when nothing was escalated. */
  public record TimeToEscalation(long escalatedTickets, Double averageSeconds, Double p50Seconds, Double p90Seconds) {}

  /** M3. Rates are null when their denominator is zero. */
  public record Reescalation(
      long resolvedOrClosed, long resolvedOrClosedReopened, Double rate,
      long reopened, long reopenedEscalatedAgain, Double reopenedEscalatedAgainRate) {}

  /** M4, for one tier: the tickets resolved at that tier and their average time there. */
  public record TierResolution(int tier, long resolvedTickets, double averageSeconds) {}

  /** M4. {@code answered}: handoffs whose new owner acted; the average is over those. */
  public record EscalationResponse(long handoffs, long answered, Double averageSeconds) {}

  private record Escalations(EscalationResponse response, long escalatedAgain) {}

  public record Report(
      Window window, EscalationRate escalationRate, TimeToEscalation timeToEscalation, Reescalation reescalation,
      List<TierResolution> resolutionTimeByTier, EscalationResponse escalationResponse) {}

  /** The default window: the last 30 days up to now. */
  public Window lastDays() {
    Instant now = clock.instant();
    return new Window(now.minus(DEFAULT_WINDOW), now);
  }

  public Report compute(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    Timestamp f = Timestamp.from(from);
    Timestamp t = Timestamp.from(to);
    try (ExecutorService queries = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<long[]> ticketCounts = queries.submit(() -> jdbc.sql(TICKETS).param("from", f).param("to", t)
          .query((rs, n) -> new long[] {rs.getLong("opened"), rs.getLong("escalated"), rs.getLong("resolved_or_closed"),
              rs.getLong("resolved_reopened"), rs.getLong("reopened")})
          .single());
      Future<TimeToEscalation> timeToEscalation = queries.submit(() -> jdbc.sql(TIME_TO_ESCALATION).param("from", f).param("to", t)
          .query((rs, n) -> new TimeToEscalation(rs.getLong("escalated"), seconds(rs, "avg_micros"), seconds(rs, "p50_micros"),
              seconds(rs, "p90_micros")))
          .optional()
          .orElse(new TimeToEscalation(0, null, null, null)));
      Future<List<TierResolution>> byTier = queries.submit(() -> jdbc.sql(RESOLUTION_TIME_BY_TIER).param("from", f).param("to", t)
          .query((rs, n) -> new TierResolution(rs.getInt("tier"), rs.getLong("resolved"), seconds(rs, "avg_micros")))
          .list());
      Future<Escalations> escalations = queries.submit(() -> jdbc.sql(ESCALATIONS).param("from", f).param("to", t)
          .query((rs, n) -> new Escalations(
              new EscalationResponse(rs.getLong("handoffs"), rs.getLong("answered"), seconds(rs, "avg_micros")),
              rs.getLong("escalated_again")))
          .single());

      long[] tickets = result(ticketCounts);
      Escalations handoffs = result(escalations);
      long escalatedAgain = handoffs.escalatedAgain();
      Double rate = ratio(tickets[1], tickets[0]);
      return new Report(new Window(from, to),
          new EscalationRate(tickets[0], tickets[1], rate, properties.alertThreshold(), rate != null && rate > properties.alertThreshold()),
          result(timeToEscalation),
          new Reescalation(tickets[2], tickets[3], ratio(tickets[3], tickets[2]), tickets[4], escalatedAgain,
              ratio(escalatedAgain, tickets[4])),
          result(byTier),
          handoffs.response());
    }
  }

  /** A query's result; its failure as it was thrown. */
  private static <T> T result(Future<T> query) {
    try {
      return query.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the metrics were computed", e);
    }
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  /** Microseconds (an integer or a decimal average) to seconds, null stays null. */
  private static Double seconds(ResultSet rs, String column) throws SQLException {
    BigDecimal micros = rs.getBigDecimal(column);
    return micros == null ? null : micros.movePointLeft(6).doubleValue();
  }
}
