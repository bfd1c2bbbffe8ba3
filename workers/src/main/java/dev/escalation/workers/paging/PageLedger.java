package dev.escalation.workers.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The page and page_attempt tables. */
@Repository
class PageLedger {
  private final JdbcClient jdbc;

  PageLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when the page was created now, false when it already existed (a redelivered job). */
  boolean create(long id, long ticketId, String reason, String severity, Instant now) {
    return jdbc.sql("INSERT IGNORE INTO page (id, ticket_id, reason, severity, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'TRIGGERED', ?, ?)")
        .params(id, ticketId, reason, severity, ts(now), ts(now)).update() == 1;
  }

  Optional<Page> get(long id) {
    return jdbc.sql("SELECT * FROM page WHERE id = ?").param(id).query(this::row).optional();
  }

  List<Page> ofTicket(long ticketId) {
    return jdbc.sql("SELECT * FROM page WHERE ticket_id = ? ORDER BY id").param(ticketId).query(this::row).list();
  }

  void sent(long id, int attempt, String username, PagingChannel channel, Instant now) {
    jdbc.sql("INSERT INTO page_attempt (page_id, attempt, username, channel, sent_at) VALUES (?, ?, ?, ?, ?)")
        .params(id, attempt, username, channel.name(), ts(now)).update();
    jdbc.sql("UPDATE page SET attempts = ?, current_username = ?, updated_at = ? WHERE id = ?").params(attempt, username, ts(now), id).update();
  }

  boolean acknowledge(long id, String by, Instant now) {
    return jdbc.sql("UPDATE page SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ? AND state = 'TRIGGERED'")
        .params(ts(now), by, ts(now), id).update() == 1;
  }

  boolean unanswered(long id, Instant now) {
    return jdbc.sql("UPDATE page SET state = 'UNANSWERED', updated_at = ? WHERE id = ? AND state = 'TRIGGERED'").params(ts(now), id).update() == 1;
  }

  private Page row(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    List<Page.Attempt> sent = jdbc.sql("SELECT attempt, username, channel, sent_at FROM page_attempt WHERE page_id = ? ORDER BY attempt")
        .param(id).query((a, i) -> new Page.Attempt(a.getInt(1), a.getString(2), a.getString(3), a.getTimestamp(4).toInstant())).list();
    Timestamp ack = rs.getTimestamp("acknowledged_at");
    return new Page(id, rs.getLong("ticket_id"), rs.getString("reason"), rs.getString("severity"), rs.getString("state"), rs.getInt("attempts"),
        rs.getString("current_username"), rs.getTimestamp("created_at").toInstant(), ack == null ? null : ack.toInstant(),
        rs.getString("acknowledged_by"), sent);
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
