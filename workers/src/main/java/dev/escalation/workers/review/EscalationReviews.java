package dev.escalation.workers.review;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A3: opens a review per resolution of an escalated ticket and stores the team lead's answers. */
@Service
class EscalationReviews {
  /** Who reviewed when the task was completed outside the app (Tasklist does not pass the user on). */
  static final String REVIEWED_IN_TASKLIST = "tasklist";

  private final JdbcClient jdbc;
  private final Tickets tickets;
  private final AuditTrail audit;
  private final Clock clock;

  EscalationReviews(JdbcClient jdbc, Tickets tickets, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.tickets = tickets;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  long request(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    int inserted = jdbc.sql("""
            INSERT IGNORE INTO escalation_review (ticket_id, resolution_number, escalation_count, status, requested_at)
            VALUES (?, ?, ?, 'PENDING', ?)""")
        .params(ticketId, ticket.reescalationCount(), ticket.escalationCount(), Timestamp.from(clock.instant())).update();
    long id = jdbc.sql("SELECT id FROM escalation_review WHERE ticket_id = ? AND resolution_number = ?")
        .params(ticketId, ticket.reescalationCount()).query(Long.class).single();
    if (inserted == 1) {
      audit.record(ticketId, AuditEventType.REVIEW_REQUESTED, AuditTrail.SYSTEM,
          "Escalated " + ticket.escalationCount() + " time(s) and resolved at tier " + ticket.tier()
              + ": review " + id + " asks the team lead whether it was avoidable, why, and what would have helped");
    }
    return id;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(ReviewJob job) {
    RootCause cause = Arrays.stream(RootCause.values()).filter(c -> c.name().equals(job.reviewRootCause())).findFirst()
        .orElseThrow(() -> new FixableFailure("review " + job.reviewId() + " came back with root cause '" + job.reviewRootCause()
            + "', which is not one of " + Arrays.toString(RootCause.values()), "set the variable reviewRootCause in Operate"));
    if (job.reviewAvoidable() == null || job.reviewWhatWouldHaveHelped() == null || job.reviewWhatWouldHaveHelped().isBlank()) {
      throw new FixableFailure("review " + job.reviewId() + " came back without all answers",
          "set reviewAvoidable and reviewWhatWouldHaveHelped in Operate");
    }
    String by = job.reviewedBy() == null || job.reviewedBy().isBlank() ? REVIEWED_IN_TASKLIST : job.reviewedBy();
    int updated = jdbc.sql("""
            UPDATE escalation_review SET status = 'DONE', reviewer = ?, avoidable = ?, root_cause = ?, what_would_have_helped = ?,
                   reviewed_at = ?
            WHERE id = ? AND status = 'PENDING'""")
        .params(by, job.reviewAvoidable(), cause.name(), job.reviewWhatWouldHaveHelped().strip(), Timestamp.from(clock.instant()),
            job.reviewId())
        .update();
    if (updated == 1) {
      audit.record(job.ticketId(), AuditEventType.REVIEW_RECORDED, by, "Escalation review " + job.reviewId() + ": "
          + (job.reviewAvoidable() ? "avoidable" : "not avoidable") + ", root cause " + cause + ". What would have helped: "
          + job.reviewWhatWouldHaveHelped().strip());
    }
  }
}
