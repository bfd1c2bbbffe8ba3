package dev.escalation.app.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation metrics (product rules M1-M4) over the tickets <em>opened</em> in a window
 * {@code [from, to)}: every figure is about that cohort of tickets. All of it is computed in SQL,
 * on the covering indexes of {@code V2__metrics_indexes.sql}; Java only divides.
 *
 * <ul>
 *   <li>M1 escalation rate: share of the tickets opened in the window that were escalated at least
 *       once, with an alert flag above {@code escalation.metrics.alert-threshold};
 *   <li>time to escalation: opening to the first escalation, average and p50/p90 (nearest rank,
 *       {@code PERCENTILE_DISC}), in seconds;
 *   <li>M2 re-escalation rate: reopened tickets ({@code reescalation_count > 0}) among the resolved or
 *       closed ones; and the share of reopened tickets that were escalated again after a reopen;
 *   <li>M3 resolution time by tier: from arriving at the tier the ticket was resolved at (opening for
 *       tier 1, the escalation into the tier otherwise) to {@code resolved_at};
 *   <li>M4 escalation response time: from a handoff to the new owner's first action, the first
 *       {@code ATTEMPT_RECORDED} or {@code RESOLVED} by that owner, or {@code WAITING_ON_CUSTOMER}
 *       (recorded by the system when the owner asked the customer), before the next handoff.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class EscalationMetrics {
  /** The window {@code GET /api/metrics} uses when none is given. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  static final String TICKETS = """
      SELECT COUNT(*) AS opened,
             COALESCE(SUM(t.escalation_count > 0), 0) AS escalated,
             COALESCE(SUM(t.status IN ('RESOLVED', 'CLOSED')), 0) AS resolved_or_closed,
             COALESCE(SUM(t.status IN ('RESOLVED', 'CLOSED') AND t.reescalation_count > 0), 0) AS resolved_reopened,
             COALESCE(SUM(t.reescalation_count > 0), 0) AS reopened,
             COALESCE(SUM(t.reescalation_count > 0
                 AND EXISTS (SELECT 1 FROM escalation e WHERE e.ticket_id = t.id AND e.reescalation)), 0) AS reopened_escalated_again
      FROM ticket t
      WHERE t.opened_at >= :from AND t.opened_at < :to
      """;

  // The derived tables below are grouped or limited, so MariaDB materializes them once instead of
  // merging them into the outer query (which would evaluate their subqueries once per reference).

  static final String TIME_TO_ESCALATION = """
      SELECT COUNT(*) OVER () AS escalated,
             AVG(f.micros) OVER () AS avg_micros,
             PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY f.micros) OVER () AS p50_micros,
             PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY f.micros) OVER () AS p90_micros
      FROM (SELECT TIMESTAMPDIFF(MICROSECOND, t.opened_at, MIN(e.escalated_at)) AS micros
            FROM ticket t JOIN escalation e ON e.ticket_id = t.id
            WHERE t.opened_at >= :from AND t.opened_at < :to AND t.escalation_count > 0
            GROUP BY t.id, t.opened_at) f
      LIMIT 1
      """;

  static final String RESOLUTION_TIME_BY_TIER = """
      SELECT r.tier, COUNT(*) AS resolved, AVG(r.micros) AS avg_micros
      FROM (SELECT t.tier,
                   TIMESTAMPDIFF(MICROSECOND,
                       CASE WHEN t.tier = 1 THEN t.opened_at
                            ELSE (SELECT MAX(e.escalated_at) FROM escalation e
                                  WHERE e.ticket_id = t.id AND e.to_tier = t.tier AND e.escalated_at <= t.resolved_at)
                       END,
                       t.resolved_at) AS micros
            FROM ticket t
            WHERE t.opened_at >= :from AND t.opened_at < :to
              AND t.status IN ('RESOLVED', 'CLOSED') AND t.resolved_at IS NOT NULL
            LIMIT 18446744073709551615) r
      WHERE r.micros IS NOT NULL
      GROUP BY r.tier
      ORDER BY r.tier
      """;

  /**
   * The new owner's first action after each handoff: the earliest of their attempts, their
   * resolutions and the pauses (one index lookup each on audit_owner_action), counted only when it
   * came before the next handoff.
   */
  static final String ESCALATION_RESPONSE = """
      SELECT COUNT(*) AS handoffs, COUNT(r.micros) AS answered, AVG(r.micros) AS avg_micros
      FROM (SELECT CASE WHEN x.first_action_at < COALESCE(x.next_at, TIMESTAMP'9999-12-31 00:00:00')
                        THEN TIMESTAMPDIFF(MICROSECOND, x.escalated_at, x.first_action_at) END AS micros
            FROM (SELECT h.escalated_at, h.next_at,
                         LEAST(COALESCE(MIN(attempt.at), TIMESTAMP'9999-12-31 00:00:00'),
                               COALESCE(MIN(resolution.at), TIMESTAMP'9999-12-31 00:00:00'),
                               COALESCE(MIN(pause.at), TIMESTAMP'9999-12-31 00:00:00')) AS first_action_at
                  FROM (SELECT e.id, e.ticket_id, e.escalated_at, e.to_owner,
                               LEAD(e.escalated_at) OVER (PARTITION BY e.ticket_id ORDER BY e.escalated_at, e.id) AS next_at
                        FROM ticket t JOIN escalation e ON e.ticket_id = t.id
                        WHERE t.opened_at >= :from AND t.opened_at < :to AND t.escalation_count > 0) h
                  LEFT JOIN audit_event attempt ON attempt.ticket_id = h.ticket_id AND attempt.type = 'ATTEMPT_RECORDED'
                       AND attempt.actor = h.to_owner AND attempt.at >= h.escalated_at
                  LEFT JOIN audit_event resolution ON resolution.ticket_id = h.ticket_id AND resolution.type = 'RESOLVED'
                       AND resolution.actor = h.to_owner AND resolution.at >= h.escalated_at
                  LEFT JOIN audit_event pause ON pause.ticket_id = h.ticket_id AND pause.type = 'WAITING_ON_CUSTOMER'
                       AND pause.at >= h.escalated_at
                  WHERE h.to_owner IS NOT NULL
                  GROUP BY h.id, h.escalated_at, h.next_at) x) r
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

  /** Opening to first escalation, in seconds; null figures when nothing was escalated. */
  public record TimeToEscalation(long escalatedTickets, Double averageSeconds, Double p50Seconds, Double p90Seconds) {}

  /** M2. Rates are null when their denominator is zero. */
  public record Reescalation(
      long resolvedOrClosed, long resolvedOrClosedReopened, Double rate,
      long reopened, long reopenedEscalatedAgain, Double reopenedEscalatedAgainRate) {}

  /** M3, for one tier: the tickets resolved at that tier and their average time there. */
  public record TierResolution(int tier, long resolvedTickets, double averageSeconds) {}

  /** M4. {@code answered}: handoffs whose new owner acted; the average is over those. */
  public record EscalationResponse(long handoffs, long answered, Double averageSeconds) {}

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

    var tickets = jdbc.sql(TICKETS).param("from", f).param("to", t).query((rs, n) -> new long[] {
        rs.getLong("opened"), rs.getLong("escalated"), rs.getLong("resolved_or_closed"), rs.getLong("resolved_reopened"),
        rs.getLong("reopened"), rs.getLong("reopened_escalated_again")}).single();
    Double rate = ratio(tickets[1], tickets[0]);
    var escalationRate = new EscalationRate(tickets[0], tickets[1], rate, properties.alertThreshold(),
        rate != null && rate > properties.alertThreshold());
    var reescalation = new Reescalation(tickets[2], tickets[3], ratio(tickets[3], tickets[2]),
        tickets[4], tickets[5], ratio(tickets[5], tickets[4]));

    var timeToEscalation = jdbc.sql(TIME_TO_ESCALATION).param("from", f).param("to", t)
        .query((rs, n) -> new TimeToEscalation(rs.getLong("escalated"), seconds(rs, "avg_micros"),
            seconds(rs, "p50_micros"), seconds(rs, "p90_micros")))
        .optional()
        .orElse(new TimeToEscalation(0, null, null, null));

    var byTier = jdbc.sql(RESOLUTION_TIME_BY_TIER).param("from", f).param("to", t)
        .query((rs, n) -> new TierResolution(rs.getInt("tier"), rs.getLong("resolved"), seconds(rs, "avg_micros")))
        .list();

    var response = jdbc.sql(ESCALATION_RESPONSE).param("from", f).param("to", t)
        .query((rs, n) -> new EscalationResponse(rs.getLong("handoffs"), rs.getLong("answered"), seconds(rs, "avg_micros")))
        .single();

    return new Report(new Window(from, to), escalationRate, timeToEscalation, reescalation, byTier, response);
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
