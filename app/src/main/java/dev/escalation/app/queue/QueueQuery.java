package dev.escalation.app.queue;

import dev.escalation.workers.roster.RoutingProperties;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.TicketStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * W1: the open tickets in urgency order, one page at a time. The order: breached tickets first; then
 * the least time left on the nearer SLA clock, where a running clock's time left is its due date
 * minus now and a paused clock's is the time it had left when it was paused (it does not run while
 * the ticket waits on the customer: ranked as if it resumed now); tickets without a running or
 * paused clock after all timed ones; then P1 before P2 at equal time; then the ticket id.
 *
 * <p>Running and paused clocks are ordered by different stored columns ({@code queue_due_at},
 * {@code queue_left_s}, V15), so the page is three index-ordered reads of at most {@code limit + 1}
 * rows each (running, paused, neither), merged here. Each read starts after the cursor and stops at
 * the limit, whatever the number of open tickets; the filters are checked on the index entries.
 * The rank is asked for as {@code IN (0, 1)}, not {@code IS NOT NULL}: two equalities let the index
 * range on the time-left column too, so a read skips the tickets of the other kinds.
 */
@Component
class QueueQuery {
  private static final String COLUMNS = """
      SELECT t.id, t.subject, t.priority, t.status, t.tier, t.target_group, t.category, t.owner_username,
             m.display_name AS owner_name, t.channel, t.customer_vip, t.response_clock, t.response_due_at,
             t.response_remaining_seconds, t.resolution_clock, t.resolution_due_at, t.resolution_remaining_seconds,
             t.queue_rank, t.queue_due_at, t.queue_left_s, t.queue_warn_at
      """;
  private static final String RUNNING = COLUMNS + """
      FROM ticket t FORCE INDEX (queue_running) LEFT JOIN roster_member m ON m.username = t.owner_username
      WHERE t.queue_rank IN (0, 1) AND t.queue_due_at IS NOT NULL %s
      ORDER BY t.queue_rank, t.queue_due_at, t.priority, t.id LIMIT :limit
      """;
  private static final String PAUSED = COLUMNS + """
      FROM ticket t FORCE INDEX (queue_paused) LEFT JOIN roster_member m ON m.username = t.owner_username
      WHERE t.queue_rank IN (0, 1) AND t.queue_left_s IS NOT NULL %s
      ORDER BY t.queue_rank, t.queue_left_s, t.priority, t.id LIMIT :limit
      """;
  private static final String UNTIMED = COLUMNS + """
      FROM ticket t FORCE INDEX (queue_running) LEFT JOIN roster_member m ON m.username = t.owner_username
      WHERE t.queue_rank IN (0, 1) AND t.queue_due_at IS NULL AND t.queue_left_s IS NULL %s
      ORDER BY t.queue_rank, t.queue_due_at, t.priority, t.id LIMIT :limit
      """;

  private static final Comparator<Ranked> URGENCY = Comparator.<Ranked>comparingInt(r -> r.key().rank())
      .thenComparing(r -> r.key().effectiveDueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(r -> r.key().priority())
      .thenComparingLong(r -> r.key().id());

  private final JdbcClient jdbc;
  private final RoutingProperties routing;

  QueueQuery(JdbcClient jdbc, RoutingProperties routing) {
    this.jdbc = jdbc;
    this.routing = routing;
  }

  private record Ranked(QueueCursor key, QueueItem item) {}

  /** The page after {@code after} (null: the first page, ranked at {@code now}). */
  @Transactional(readOnly = true)
  QueuePage page(QueueFilter filter, QueueCursor after, int limit, Instant now) {
    // to the microsecond, as the ledger and the cursor keep instants
    Instant asOf = after == null ? now.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : after.asOf();
    Map<String, Object> params = new HashMap<>();
    params.put("limit", limit + 1);
    String filters = filters(filter, now, params);
    List<Ranked> rows = new ArrayList<>();
    rows.addAll(read(RUNNING, filters + runningAfter(after, params), params, asOf, now));
    rows.addAll(read(PAUSED, filters + pausedAfter(after, params), params, asOf, now));
    rows.addAll(read(UNTIMED, filters + untimedAfter(after, params), params, asOf, now));
    rows.sort(URGENCY);
    List<Ranked> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? page.get(page.size() - 1).key().encode() : null;
    return new QueuePage(page.stream().map(Ranked::item).toList(), next, asOf);
  }

  private String filters(QueueFilter f, Instant now, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (f.owner() != null) {
      sql.append(" AND t.owner_username = :owner");
      params.put("owner", f.owner());
    }
    if (f.tier() != null) {
      sql.append(" AND t.tier = :tier");
      params.put("tier", f.tier());
    }
    if (f.group() != null) {
      List<String> categories = routing.skillGroups().entrySet().stream()
          .filter(e -> e.getValue().equals(f.group())).map(e -> e.getKey().name()).sorted().toList();
      sql.append(categories.isEmpty() ? " AND t.target_group = :group"
          : " AND (t.target_group = :group OR (t.target_group IS NULL AND t.category IN (:groupCategories)))");
      params.put("group", f.group());
      params.put("groupCategories", categories);
    }
    if (f.priority() != null) {
      sql.append(" AND t.priority = :priority");
      params.put("priority", f.priority().name());
    }
    if (f.status() != null) {
      sql.append(" AND t.status = :status");
      params.put("status", f.status().name());
    }
    if (f.breached() != null) {
      sql.append(f.breached() ? " AND t.queue_rank = 0" : " AND t.queue_rank = 1");
    }
    if (f.atRisk() != null) {
      sql.append(f.atRisk() ? " AND t.queue_rank = 1 AND t.queue_warn_at <= :now"
          : " AND (t.queue_rank = 0 OR t.queue_warn_at IS NULL OR t.queue_warn_at > :now)");
      params.put("now", Timestamp.from(now));
    }
    if (f.channel() != null) {
      sql.append(" AND t.channel = :channel");
      params.put("channel", f.channel());
    }
    if (f.vip() != null) {
      sql.append(" AND t.customer_vip = :vip");
      params.put("vip", f.vip());
    }
    return sql.toString();
  }

  /** Running clocks rank by their due date, which is their effective due date. */
  private static String runningAfter(QueueCursor c, Map<String, Object> params) {
    if (c == null) {
      return "";
    }
    cursorParams(c, params);
    if (c.effectiveDueAt() == null) {
      return " AND t.queue_rank > :afterRank";
    }
    params.put("afterDue", Timestamp.from(c.effectiveDueAt()));
    return " AND (t.queue_rank > :afterRank OR (t.queue_rank = :afterRank AND (t.queue_due_at > :afterDue"
        + " OR (t.queue_due_at = :afterDue AND (t.priority > :afterPriority OR (t.priority = :afterPriority AND t.id > :afterId))))))";
  }

  /** Paused clocks rank at asOf + their time left: compared as seconds after asOf (to the microsecond). */
  private static String pausedAfter(QueueCursor c, Map<String, Object> params) {
    if (c == null) {
      return "";
    }
    cursorParams(c, params);
    if (c.effectiveDueAt() == null) {
      return " AND t.queue_rank > :afterRank";
    }
    Duration left = Duration.between(c.asOf(), c.effectiveDueAt());
    params.put("afterLeft", BigDecimal.valueOf(left.getSeconds()).add(BigDecimal.valueOf(left.getNano(), 9)));
    return " AND (t.queue_rank > :afterRank OR (t.queue_rank = :afterRank AND (t.queue_left_s > :afterLeft"
        + " OR (t.queue_left_s = :afterLeft AND (t.priority > :afterPriority OR (t.priority = :afterPriority AND t.id > :afterId))))))";
  }

  /** Tickets without a timed clock come after every timed one of their rank. */
  private static String untimedAfter(QueueCursor c, Map<String, Object> params) {
    if (c == null) {
      return "";
    }
    cursorParams(c, params);
    if (c.effectiveDueAt() != null) {
      return " AND t.queue_rank >= :afterRank";
    }
    return " AND (t.queue_rank > :afterRank OR (t.queue_rank = :afterRank AND (t.priority > :afterPriority"
        + " OR (t.priority = :afterPriority AND t.id > :afterId))))";
  }

  private static void cursorParams(QueueCursor c, Map<String, Object> params) {
    params.put("afterRank", c.rank());
    params.put("afterPriority", c.priority());
    params.put("afterId", c.id());
  }

  private List<Ranked> read(String template, String conditions, Map<String, Object> params, Instant asOf, Instant now) {
    return jdbc.sql(template.formatted(conditions)).params(params).query((rs, n) -> ranked(rs, asOf, now)).list();
  }

  private Ranked ranked(ResultSet rs, Instant asOf, Instant now) throws SQLException {
    long id = rs.getLong("id");
    int rank = rs.getInt("queue_rank");
    Instant dueAt = instant(rs, "queue_due_at");
    Long left = nullableLong(rs, "queue_left_s");
    Instant effectiveDue = dueAt != null ? dueAt : left != null ? asOf.plusSeconds(left) : null;
    Instant warnAt = instant(rs, "queue_warn_at");
    String group = rs.getString("target_group") != null ? rs.getString("target_group")
        : routing.groupFor(Category.valueOf(rs.getString("category")));
    String owner = rs.getString("owner_username");
    Priority priority = Priority.valueOf(rs.getString("priority"));
    QueueItem item = new QueueItem(id, rs.getString("subject"), priority, TicketStatus.valueOf(rs.getString("status")),
        rs.getInt("tier"), group, owner == null ? null : new QueueItem.Owner(owner, rs.getString("owner_name")),
        rs.getString("channel"), rs.getBoolean("customer_vip"),
        ClockState.valueOf(rs.getString("response_clock")), runningDue(rs, "response"), paused(rs, "response"),
        ClockState.valueOf(rs.getString("resolution_clock")), runningDue(rs, "resolution"), paused(rs, "resolution"),
        rank == 0, rank == 1 && warnAt != null && !warnAt.isAfter(now),
        effectiveDue == null ? null : Duration.between(asOf, effectiveDue).toSeconds());
    return new Ranked(new QueueCursor(asOf, rank, effectiveDue, priority.name(), id), item);
  }

  private static Instant runningDue(ResultSet rs, String clock) throws SQLException {
    return ClockState.RUNNING.name().equals(rs.getString(clock + "_clock")) ? instant(rs, clock + "_due_at") : null;
  }

  private static Long paused(ResultSet rs, String clock) throws SQLException {
    return ClockState.PAUSED.name().equals(rs.getString(clock + "_clock")) ? nullableLong(rs, clock + "_remaining_seconds") : null;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, Instant.class);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
