package dev.escalation.app.approval;

import dev.escalation.app.approval.ApprovalProblems.Forbidden;
import dev.escalation.workers.roster.RosterRepository;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A3 for reporting: the answers of post-resolution reviews over a window, with counts by root cause. */
@RestController
class ReviewController {
  private final JdbcClient jdbc;
  private final RosterRepository roster;
  private final java.time.Clock clock;

  ReviewController(JdbcClient jdbc, RosterRepository roster, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.roster = roster;
    this.clock = clock;
  }

  record Review(long id, long ticketId, String subject, String category, int escalationCount, String status, String reviewer,
      Boolean avoidable, String rootCause, String whatWouldHaveHelped, Instant requestedAt, Instant reviewedAt) {}

  record Reviews(Instant from, Instant to, int reviewed, int pending, int avoidable, Map<String, Integer> byRootCause,
      List<Review> reviews) {}

  @GetMapping("/api/reviews")
  Reviews reviews(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to, Principal principal) {
    Caller caller = Caller.of(principal, roster);
    if (!caller.isManagerOrAbove()) {
      throw new Forbidden("reviews are for managers and the head of support");
    }
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
    List<Review> reviews = jdbc.sql("""
            SELECT v.*, t.subject, t.category FROM escalation_review v JOIN ticket t ON t.id = v.ticket_id
            WHERE v.requested_at >= ? AND v.requested_at < ? ORDER BY v.requested_at, v.id""")
        .params(Timestamp.from(start), Timestamp.from(end))
        .query((rs, n) -> new Review(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("subject"), rs.getString("category"),
            rs.getInt("escalation_count"), rs.getString("status"), rs.getString("reviewer"), (Boolean) rs.getObject("avoidable", Boolean.class),
            rs.getString("root_cause"), rs.getString("what_would_have_helped"), rs.getTimestamp("requested_at").toInstant(),
            rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant()))
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
    return new Reviews(start, end, done, reviews.size() - done, avoidable, byCause, reviews);
  }
}
