package dev.escalation.app.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What escalations keep coming from (M5, M8): over the tickets opened in {@code [from, to)}, the categories
 * with the most escalated tickets and the criteria rules matched on the most escalated tickets; and the
 * root causes of the post-resolution reviews answered in the window (A3).
 */
@Service
public class RecurringIssues {
  private final JdbcClient jdbc;

  public RecurringIssues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A category: its escalated tickets among those opened. */
  public record Category(String category, long escalated, long opened) {}

  /** A criteria rule and the escalated tickets it matched on (any of their evaluations). */
  public record Rule(String ruleId, long escalatedTickets) {}

  public record RootCause(String rootCause, long reviews) {}

  public List<Category> topCategories(Instant from, Instant to, int limit) {
    return jdbc.sql("""
            SELECT t.category, COALESCE(SUM(t.escalation_count > 0), 0) AS escalated, COUNT(*) AS opened
            FROM ticket t WHERE t.opened_at >= :from AND t.opened_at < :to
            GROUP BY t.category HAVING escalated > 0
            ORDER BY escalated DESC, t.category LIMIT :limit""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
        .query((rs, n) -> new Category(rs.getString("category"), rs.getLong("escalated"), rs.getLong("opened"))).list();
  }

  public List<Rule> topRules(Instant from, Instant to, int limit) {
    return jdbc.sql("""
            SELECT c.rule_id, COUNT(DISTINCT c.ticket_id) AS tickets
            FROM ticket t JOIN criteria_evaluation c ON c.ticket_id = t.id
            WHERE t.opened_at >= :from AND t.opened_at < :to AND t.escalation_count > 0
            GROUP BY c.rule_id ORDER BY tickets DESC, c.rule_id LIMIT :limit""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
        .query((rs, n) -> new Rule(rs.getString("rule_id"), rs.getLong("tickets"))).list();
  }

  public List<RootCause> reviewRootCauses(Instant from, Instant to) {
    return jdbc.sql("""
            SELECT r.root_cause, COUNT(*) AS reviews FROM escalation_review r
            WHERE r.status = 'DONE' AND r.reviewed_at >= :from AND r.reviewed_at < :to
            GROUP BY r.root_cause ORDER BY reviews DESC, r.root_cause""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new RootCause(rs.getString("root_cause"), rs.getLong("reviews"))).list();
  }
}
