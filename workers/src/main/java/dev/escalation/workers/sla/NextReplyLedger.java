package dev.escalation.workers.sla;

import dev.escalation.workers.ticket.ClockState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The next_reply_clock table (S3): one row per ticket that has had a next-reply clock. */
@Repository
class NextReplyLedger {
  private final JdbcClient jdbc;

  NextReplyLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ticket's clock, locked for the rest of the transaction; empty when it never had one. */
  Optional<NextReplyClock> lock(long ticketId) {
    return jdbc.sql("SELECT * FROM next_reply_clock WHERE ticket_id = ? FOR UPDATE").param(ticketId).query(NextReplyLedger::row).optional();
  }

  Optional<NextReplyClock> get(long ticketId) {
    return jdbc.sql("SELECT * FROM next_reply_clock WHERE ticket_id = ?").param(ticketId).query(NextReplyLedger::row).optional();
  }

  void save(long ticketId, NextReplyClock clock, Instant now) {
    jdbc.sql("""
        INSERT INTO next_reply_clock (ticket_id, state, started_at, due_at, warning_at, remaining_seconds, clock_number, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE state = VALUES(state), started_at = VALUES(started_at), due_at = VALUES(due_at),
          warning_at = VALUES(warning_at), remaining_seconds = VALUES(remaining_seconds), clock_number = VALUES(clock_number),
          updated_at = VALUES(updated_at)
        """)
        .params(ticketId, clock.state().name(), ts(clock.startedAt()), ts(clock.dueAt()), ts(clock.warningAt()), clock.remainingSeconds(),
            clock.number(), ts(now))
        .update();
  }

  private static NextReplyClock row(ResultSet rs, int n) throws SQLException {
    long seconds = rs.getLong("remaining_seconds");
    Long remaining = rs.wasNull() ? null : seconds;
    return new NextReplyClock(ClockState.valueOf(rs.getString("state")), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("warning_at")), remaining, rs.getInt("clock_number"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
