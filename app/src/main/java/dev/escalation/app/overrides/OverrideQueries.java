package dev.escalation.app.overrides;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** M7: the rule overrides of the audit trail with their reviews. */
@Repository
public class OverrideQueries {
  /** The most entries one call lists, newest first. */
  static final int LIMIT = 500;

  private static final String SELECT = """
      SELECT a.id, a.ticket_id, a.at, a.actor, a.detail, r.reviewed_by, r.reviewed_at, r.note
      FROM audit_event a LEFT JOIN override_review r ON r.audit_event_id = a.id
      WHERE a.type = 'RULE_OVERRIDDEN'
      """;

  private final JdbcClient jdbc;

  OverrideQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every filter is optional: {@code [from, to)} on the entry's time, {@code rule} the rule id it overrode,
   * {@code text} a part of the entry (its reason, or anything else it says), {@code reviewed} whether it was.
   */
  public record Filter(Instant from, Instant to, String rule, String text, Boolean reviewed) {
    public static Filter between(Instant from, Instant to) {
      return new Filter(from, to, null, null, null);
    }
  }

  public List<Override> list(Filter filter) {
    return jdbc.sql(SELECT + """
              AND (:from IS NULL OR a.at >= :from) AND (:to IS NULL OR a.at < :to)
              AND (:rule IS NULL OR a.detail LIKE CONCAT(:rule, ':%'))
              AND (:text IS NULL OR a.detail LIKE CONCAT('%', :text, '%') ESCAPE '!')
              AND (:reviewed IS NULL OR (r.audit_event_id IS NOT NULL) = :reviewed)
            ORDER BY a.at DESC, a.id DESC
            LIMIT """ + " " + LIMIT)
        .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
        .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
        .param("rule", filter.rule())
        .param("text", filter.text() == null ? null : filter.text().replace("!", "!!").replace("%", "!%").replace("_", "!_"))
        .param("reviewed", filter.reviewed())
        .query(OverrideQueries::row)
        .list();
  }

  public Optional<Override> find(long id) {
    return jdbc.sql(SELECT + " AND a.id = ?").param(id)
        .query(OverrideQueries::row)
        .optional();
  }

  private static Override row(ResultSet rs, int n) throws SQLException {
    Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
    return Override.of(rs.getLong("id"), rs.getObject("ticket_id", Long.class), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
        rs.getString("detail"),
        reviewedAt == null ? null : new Override.Review(rs.getString("reviewed_by"), reviewedAt.toInstant(), rs.getString("note")));
  }

  /** Records the review unless one exists; false when it did. */
  boolean insertReview(long id, String by, Instant at, String note) {
    return jdbc.sql("INSERT IGNORE INTO override_review (audit_event_id, reviewed_by, reviewed_at, note) VALUES (?, ?, ?, ?)")
        .params(id, by, Timestamp.from(at), note).update() == 1;
  }
}
