package dev.escalation.app.reports;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's escalation volume and recurring issues, over the escalations of the tickets opened
 * in a window (the cohort {@code GET /api/metrics} uses): escalations by cause (manual, response breach,
 * resolution breach, criteria matched on a customer message), by the ticket's category, by the
 * criteria rule that matched when the ticket opened, how many were re-escalations, and the root
 * causes of the post-resolution reviews (A3) recorded in the window. Largest counts first.
 */
@Service
public class EscalationBreakdown {
  private static final String BY_CAUSE = """
      SELECT e.cause AS name, COUNT(*) AS escalations FROM escalation e
      WHERE e.ticket_opened_at >= :from AND e.ticket_opened_at < :to
      GROUP BY e.cause ORDER BY escalations DESC, name
      """;
  private static final String BY_CATEGORY = """
      SELECT t.category AS name, COUNT(*) AS escalations FROM escalation e JOIN ticket t ON t.id = e.ticket_id
      WHERE e.ticket_opened_at >= :from AND e.ticket_opened_at < :to
      GROUP BY t.category ORDER BY escalations DESC, name
      """;
  private static final String BY_OPENING_RULE = """
      SELECT c.rule_id AS name, COUNT(*) AS escalations FROM escalation e
      JOIN criteria_evaluation c ON c.ticket_id = e.ticket_id AND c.message_id IS NULL
      WHERE e.ticket_opened_at >= :from AND e.ticket_opened_at < :to
      GROUP BY c.rule_id ORDER BY escalations DESC, name
      """;
  private static final String REESCALATIONS = """
      SELECT COUNT(*) FROM escalation e
      WHERE e.ticket_opened_at >= :from AND e.ticket_opened_at < :to AND e.reescalation
      """;
  private static final String ROOT_CAUSES = """
      SELECT r.root_cause AS name, COUNT(*) AS escalations FROM escalation_review r
      WHERE r.status = 'DONE' AND r.root_cause IS NOT NULL AND r.reviewed_at >= :from AND r.reviewed_at < :to
      GROUP BY r.root_cause ORDER BY escalations DESC, name
      """;

  private final JdbcClient jdbc;

  EscalationBreakdown(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A name (cause, category, rule id or root cause) and how many escalations (or reviews, for root causes) it has. */
  public record Count(String name, long count) {}

  public record Breakdown(ReportWindow window, List<Count> byCause, List<Count> byCategory, List<Count> byOpeningRule,
      long reescalations, List<Count> reviewRootCauses) {}

  public Breakdown compute(ReportWindow window) {
    return new Breakdown(window, counts(BY_CAUSE, window), counts(BY_CATEGORY, window), counts(BY_OPENING_RULE, window),
        jdbc.sql(REESCALATIONS).param("from", Timestamp.from(window.from())).param("to", Timestamp.from(window.to()))
            .query(Long.class).single(),
        counts(ROOT_CAUSES, window));
  }

  private List<Count> counts(String sql, ReportWindow window) {
    return jdbc.sql(sql).param("from", Timestamp.from(window.from())).param("to", Timestamp.from(window.to()))
        .query((rs, n) -> new Count(rs.getString("name"), rs.getLong("escalations"))).list();
  }
}
