package dev.escalation.workers.devtask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dev_task table. */
@Repository
class DevTaskLedger {
  private static final String COLUMNS =
      "id, ticket_id, tracker, task_key, url, state, title, description, created_at, updated_at, closed_at";
  private final JdbcClient jdbc;

  DevTaskLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DevTask> ofTicket(long ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dev_task WHERE ticket_id = ?").param(ticketId).query(DevTaskLedger::row).optional();
  }

  Optional<DevTask> byKey(Tracker tracker, String key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dev_task WHERE tracker = ? AND task_key = ?")
        .params(tracker.name(), key).query(DevTaskLedger::row).optional();
  }

  List<DevTask> ofTickets(java.util.Collection<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM dev_task WHERE ticket_id IN (:ids)").param("ids", ticketIds).query(DevTaskLedger::row).list();
  }

  List<DevTask> recent() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dev_task ORDER BY id DESC LIMIT 500").query(DevTaskLedger::row).list();
  }

  long insert(long ticketId, Tracker tracker, DevTaskState state, String title, String description, Instant now) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO dev_task (ticket_id, tracker, state, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(ticketId, tracker.name(), state.name(), title, description, ts(now), ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void opened(long id, Tracker tracker, String key, String url, Instant now) {
    jdbc.sql("UPDATE dev_task SET tracker = ?, task_key = ?, url = ?, state = 'OPEN', updated_at = ? WHERE id = ?")
        .params(tracker.name(), key, url, ts(now), id).update();
  }

  /** True for the one call that moves the task to CLOSED. */
  boolean close(long id, Instant now) {
    return jdbc.sql("UPDATE dev_task SET state = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ? AND state <> 'CLOSED'")
        .params(ts(now), ts(now), id).update() == 1;
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static DevTask row(ResultSet rs, int n) throws SQLException {
    return new DevTask(rs.getLong("id"), rs.getLong("ticket_id"), Tracker.valueOf(rs.getString("tracker")), rs.getString("task_key"),
        rs.getString("url"), DevTaskState.valueOf(rs.getString("state")), rs.getString("title"), rs.getString("description"),
        instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
