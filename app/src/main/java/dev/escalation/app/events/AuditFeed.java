package dev.escalation.app.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * W4: reads the audit trail's new entries in id order, on every replica alike (the database is what
 * they share). Ids are given out when a transaction inserts and become visible when it commits, so a
 * higher id can be seen before a lower one: the ids skipped over are asked for again for
 * {@link #GAP_PATIENCE} (a transaction that rolled back never fills its id). Not thread-safe: one
 * poller calls it.
 */
final class AuditFeed {
  static final Duration GAP_PATIENCE = Duration.ofSeconds(10);
  private static final int BATCH = 500;
  private static final int MAX_GAP = 1000;
  private final JdbcClient jdbc;
  private long last;
  private final Map<Long, Instant> gaps = new HashMap<>();

  AuditFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.last = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
  }

  /** The ticket entries committed since the last call (and late ones below it), in id order. */
  List<TicketEvent> next(Instant now) {
    gaps.values().removeIf(since -> since.plus(GAP_PATIENCE).isBefore(now));
    String sql = "SELECT id, ticket_id, type, actor, at FROM audit_event WHERE id > :last"
        + (gaps.isEmpty() ? "" : " OR id IN (:gaps)") + " ORDER BY id LIMIT " + BATCH;
    var query = jdbc.sql(sql).param("last", last);
    if (!gaps.isEmpty()) {
      query = query.param("gaps", List.copyOf(gaps.keySet()));
    }
    List<Row> rows = query.query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
        rs.getString(3), rs.getString(4), rs.getObject(5, Instant.class))).list();
    List<TicketEvent> events = new ArrayList<>();
    for (Row row : rows.stream().sorted(Comparator.comparingLong(Row::id)).toList()) {
      gaps.remove(row.id());
      if (row.id() > last) {
        // at most the last MAX_GAP ids below it: a jump (another auto_increment_increment, a restart) is not a backlog
        for (long missing = Math.max(last + 1, row.id() - MAX_GAP); missing < row.id(); missing++) {
          gaps.put(missing, now);
        }
        last = row.id();
      }
      if (row.ticketId() != null) {
        events.add(new TicketEvent(row.id(), row.ticketId(), row.type(), row.actor(), row.at()));
      }
    }
    return events;
  }

  private record Row(long id, Long ticketId, String type, String actor, Instant at) {}
}
