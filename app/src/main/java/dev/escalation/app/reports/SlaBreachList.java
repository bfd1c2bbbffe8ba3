package dev.escalation.app.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * M9: the breached SLA targets whose clock period started in a window, oldest breach first, each with
 * its reason as the breach recorded it in the audit trail (which clock, at which tier, due when, whose
 * ticket it was, and whether the ticket was escalated or the head of support alerted).
 */
@Service
public class SlaBreachList {
  private static final String BREACHES = """
      SELECT s.ticket_id, s.clock, s.priority, s.tier, s.skill_group, s.channel, s.owner_username, s.started_at, s.due_at,
             s.ended_at,
             (SELECT a.detail FROM audit_event a
              WHERE a.ticket_id = s.ticket_id AND a.type = 'SLA_BREACHED' AND a.at >= s.started_at
                AND a.detail LIKE CONCAT(LOWER(s.clock), ' %')
              ORDER BY a.at, a.id LIMIT 1) AS reason
      FROM sla_target s
      WHERE s.state = 'BREACHED' AND s.started_at >= :from AND s.started_at < :to
      ORDER BY s.ended_at, s.ticket_id, s.clock
      """;

  private final JdbcClient jdbc;

  SlaBreachList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code reason}: null when the audit trail has no breach record for it (rows written by hand). */
  public record Breach(long ticketId, String clock, String priority, int tier, String group, String channel, String owner,
      Instant startedAt, Instant dueAt, Instant breachedAt, String reason) {}

  public List<Breach> list(ReportWindow window) {
    return jdbc.sql(BREACHES)
        .param("from", Timestamp.from(window.from()))
        .param("to", Timestamp.from(window.to()))
        .query((rs, n) -> new Breach(rs.getLong("ticket_id"), rs.getString("clock"), rs.getString("priority"), rs.getInt("tier"),
            rs.getString("skill_group"), rs.getString("channel"), rs.getString("owner_username"), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("ended_at")), rs.getString("reason")))
        .list();
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
