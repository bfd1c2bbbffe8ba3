package dev.escalation.app.metrics;

import dev.escalation.app.metrics.EscalationMetrics.EscalationRate;
import dev.escalation.app.metrics.EscalationMetrics.EscalationResponse;
import dev.escalation.app.metrics.EscalationMetrics.Reescalation;
import dev.escalation.app.metrics.EscalationMetrics.Report;
import dev.escalation.app.metrics.EscalationMetrics.TierResolution;
import dev.escalation.app.metrics.EscalationMetrics.TimeToEscalation;
import dev.escalation.app.metrics.EscalationMetrics.Window;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference the metrics are proven against: the four queries of {@link EscalationMetrics} before
 * V9, verbatim, which derived every moment from the escalations and the audit trail at query time
 * (slow, but plainly the definition); and per-row checks that each moment V9 stamps is what the same
 * derivation gives.
 */
public final class ReferenceMetrics {
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

  // ---- per row: each stamped moment against the same derivations

  /** When the ticket arrived at the tier it was resolved at: opening for tier 1, else the latest escalation into it before. */
  private static final String ARRIVED_AT_TIER = """
      CASE WHEN t.tier = 1 THEN t.opened_at
           ELSE (SELECT MAX(e.escalated_at) FROM escalation e
                 WHERE e.ticket_id = t.id AND e.to_tier = t.tier AND e.escalated_at <= t.resolved_at)
      END""";

  /** Each handoff of the tickets opened in the window with its new owner's first action and the next handoff. */
  private static final String HANDOFFS = """
      SELECT h.id, h.to_owner, h.escalated_at, h.next_at,
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
      GROUP BY h.id, h.to_owner, h.escalated_at, h.next_at
      """;

  private static final String ANSWERED_AT = "IF(x.first_action_at < COALESCE(x.next_at, TIMESTAMP'9999-12-31 00:00:00'), x.first_action_at, NULL)";

  /** Tickets opened in the window whose stamped moments differ from the derivation, one line each. */
  private static final String TICKET_MISMATCHES = """
      SELECT CONCAT('ticket ', t.id, ': first_escalated_at ', COALESCE(t.first_escalated_at, '-'), ', derived ',
                    COALESCE(f.first_at, '-'), '; arrived at tier ', t.tier, ' ', COALESCE(s.stamped, '-'), ', derived ',
                    COALESCE(s.derived, '-'))
      FROM ticket t
      LEFT JOIN (SELECT e.ticket_id, MIN(e.escalated_at) AS first_at FROM escalation e GROUP BY e.ticket_id) f ON f.ticket_id = t.id
      LEFT JOIN (SELECT t.id,
                        CASE WHEN t.tier = 1 THEN t.opened_at
                             WHEN t.escalated_to_tier_at <= t.resolved_at THEN t.escalated_to_tier_at END AS stamped,
                        %s AS derived
                 FROM ticket t
                 WHERE t.opened_at >= :from AND t.opened_at < :to
                   AND t.status IN ('RESOLVED', 'CLOSED') AND t.resolved_at IS NOT NULL) s ON s.id = t.id
      WHERE t.opened_at >= :from AND t.opened_at < :to
        AND NOT (t.first_escalated_at <=> f.first_at AND s.stamped <=> s.derived)
      ORDER BY t.id
      """.formatted(ARRIVED_AT_TIER);

  private static final String ESCALATION_MISMATCHES = """
      SELECT CONCAT('escalation ', e.id, ' of ticket ', e.ticket_id, ': first_response_at ', COALESCE(e.first_response_at, '-'),
                    ', derived ', COALESCE(%s, '-'), '; ticket_opened_at ', e.ticket_opened_at, ', ticket opened ', t.opened_at)
      FROM (%s) x
      JOIN escalation e ON e.id = x.id
      JOIN ticket t ON t.id = e.ticket_id
      WHERE NOT (e.ticket_opened_at <=> t.opened_at AND (x.to_owner IS NULL OR e.first_response_at <=> %s))
      ORDER BY e.id
      """.formatted(ANSWERED_AT, HANDOFFS, ANSWERED_AT);

  private final JdbcClient jdbc;
  private final double alertThreshold;

  public ReferenceMetrics(JdbcClient jdbc, double alertThreshold) {
    this.jdbc = jdbc;
    this.alertThreshold = alertThreshold;
  }

  /** The report as the SQL before V9 computed it. */
  public Report compute(Instant from, Instant to) {
    Timestamp f = Timestamp.from(from);
    Timestamp t = Timestamp.from(to);
    var tickets = jdbc.sql(TICKETS).param("from", f).param("to", t).query((rs, n) -> new long[] {
        rs.getLong("opened"), rs.getLong("escalated"), rs.getLong("resolved_or_closed"), rs.getLong("resolved_reopened"),
        rs.getLong("reopened"), rs.getLong("reopened_escalated_again")}).single();
    Double rate = ratio(tickets[1], tickets[0]);
    var timeToEscalation = jdbc.sql(TIME_TO_ESCALATION).param("from", f).param("to", t)
        .query((rs, n) -> new TimeToEscalation(rs.getLong("escalated"), seconds(rs, "avg_micros"), seconds(rs, "p50_micros"),
            seconds(rs, "p90_micros")))
        .optional().orElse(new TimeToEscalation(0, null, null, null));
    var byTier = jdbc.sql(RESOLUTION_TIME_BY_TIER).param("from", f).param("to", t)
        .query((rs, n) -> new TierResolution(rs.getInt("tier"), rs.getLong("resolved"), seconds(rs, "avg_micros"))).list();
    var response = jdbc.sql(ESCALATION_RESPONSE).param("from", f).param("to", t)
        .query((rs, n) -> new EscalationResponse(rs.getLong("handoffs"), rs.getLong("answered"), seconds(rs, "avg_micros"))).single();
    return new Report(new Window(from, to),
        new EscalationRate(tickets[0], tickets[1], rate, alertThreshold, rate != null && rate > alertThreshold),
        timeToEscalation,
        new Reescalation(tickets[2], tickets[3], ratio(tickets[3], tickets[2]), tickets[4], tickets[5], ratio(tickets[5], tickets[4])),
        byTier, response);
  }

  /** Every stamped moment of the tickets opened in the window that differs from its derivation; empty when all agree. */
  public List<String> mismatches(Instant from, Instant to) {
    List<String> lines = new ArrayList<>();
    for (String sql : List.of(TICKET_MISMATCHES, ESCALATION_MISMATCHES)) {
      lines.addAll(jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).list());
    }
    return lines;
  }

  /** The number of handoffs of the tickets opened in the window, by whether the reference finds them answered in time. */
  public long[] handoffsAnsweredAndNot(Instant from, Instant to) {
    return jdbc.sql("SELECT COUNT(%s), COUNT(*) - COUNT(%s) FROM (%s) x WHERE x.to_owner IS NOT NULL"
            .formatted(ANSWERED_AT, ANSWERED_AT, HANDOFFS))
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Double seconds(ResultSet rs, String column) throws SQLException {
    BigDecimal micros = rs.getBigDecimal(column);
    return micros == null ? null : micros.movePointLeft(6).doubleValue();
  }
}
