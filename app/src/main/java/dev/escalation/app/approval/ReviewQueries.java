package dev.escalation.app.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A3 for reporting: the post-resolution reviews requested in a window, and what they add up to. */
@Component
class ReviewQueries {
  private final JdbcClient jdbc;

  ReviewQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Review(long id, long ticketId, String subject, String category, int escalationCount, String status, String reviewer,
      Boolean avoidable, String rootCause, String whatWouldHaveHelped, Instant requestedAt, Instant reviewedAt) {}

  record Reviews(Instant from, Instant to, int reviewed, int pending, int avoidable, Map<String, Integer> byRootCause,
      List<Review> reviews) {}

  /** The reviews requested in {@code [from, to)}, oldest first, with counts by root cause. */
  Reviews requestedBetween(Instant from, Instant to) {
    List<Review> reviews = jdbc.sql("""
            SELECT v.*, t.subject, t.category FROM escalation_review v JOIN ticket t ON t.id = v.ticket_id
            WHERE v.requested_at >= ? AND v.requested_at < ? ORDER BY v.requested_at, v.id""")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(ReviewQueries::review)
        .list();
    Map<String, Integer> byCause = new TreeMap<>();
    int avoidable = 0;
    for (Review r : reviews) {
      if (r.rootCause() != null) {
        byCause.merge(r.rootCause(), 1, Integer::sum);
      }
      if (Boolean.TRUE.equals(r.avoidable())) {
        avoidable++;
      }
    }
    int done = (int) reviews.stream().filter(r -> "DONE".equals(r.status())).count();
    return new Reviews(from, to, done, reviews.size() - done, avoidable, byCause, reviews);
  }

  private static Review review(ResultSet rs, int n) throws SQLException {
    Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
    return new Review(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("subject"), rs.getString("category"),
        rs.getInt("escalation_count"), rs.getString("status"), rs.getString("reviewer"), rs.getObject("avoidable", Boolean.class),
        rs.getString("root_cause"), rs.getString("what_would_have_helped"), rs.getTimestamp("requested_at").toInstant(),
        reviewedAt == null ? null : reviewedAt.toInstant());
  }
}
