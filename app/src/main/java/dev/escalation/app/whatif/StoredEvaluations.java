package dev.escalation.app.whatif;

import dev.escalation.app.reports.ReportWindow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The criteria evaluations the ledger stored (V4 {@code criteria_evaluation}) in a window: every
 * evaluation's inputs and the decision's outputs as JSON, as {@code CriteriaApplication} wrote them.
 */
class StoredEvaluations {
  private static final String IN_WINDOW = """
      SELECT e.id, e.ticket_id, e.message_id, e.evaluated_at, e.inputs, e.outputs
      FROM criteria_evaluation e
      WHERE e.evaluated_at >= :from AND e.evaluated_at < :to
      ORDER BY e.evaluated_at, e.id
      """;

  private final JdbcClient jdbc;

  StoredEvaluations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Stored(long id, long ticketId, Long messageId, Instant evaluatedAt, String inputs, String outputs) {}

  List<Stored> in(ReportWindow window) {
    return jdbc.sql(IN_WINDOW)
        .param("from", Timestamp.from(window.from()))
        .param("to", Timestamp.from(window.to()))
        .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("ticket_id"), (Long) rs.getObject("message_id", Long.class),
            rs.getTimestamp("evaluated_at").toInstant(), rs.getString("inputs"), rs.getString("outputs")))
        .list();
  }
}
