package dev.escalation.app.note;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The internal_note table (C3). */
@Repository
class InternalNoteQueries {
  private final JdbcClient jdbc;

  InternalNoteQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long ticketId, String author, String text, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO internal_note (ticket_id, author, text, created_at) VALUES (?, ?, ?, ?)")
        .params(ticketId, author, text, Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  List<InternalNoteView> ofTicket(long ticketId) {
    return jdbc.sql("SELECT id, ticket_id, author, text, created_at FROM internal_note WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query((rs, n) -> new InternalNoteView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  boolean ticketExists(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE id = ?").param(ticketId).query(Long.class).single() > 0;
  }
}
