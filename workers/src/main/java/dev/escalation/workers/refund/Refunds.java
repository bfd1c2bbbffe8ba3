package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.Decisions;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A1/A2: the steps of a refund request, each with its audit entry. Runs inside the job's transaction ({@code OnceOnly}). */
@Service
class Refunds {
  /** Who decided when the task was completed outside the app (Tasklist does not pass the user on). */
  static final String DECIDED_IN_TASKLIST = "tasklist";

  private final RefundRequests requests;
  private final Tickets tickets;
  private final RosterRepository roster;
  private final StripePaymentAdapter payments;
  private final RefundNotices notices;
  private final AuditTrail audit;
  private final RefundProperties properties;
  private final Clock clock;

  Refunds(RefundRequests requests, Tickets tickets, RosterRepository roster, StripePaymentAdapter payments, RefundNotices notices,
      AuditTrail audit, RefundProperties properties, Clock clock) {
    this.requests = requests;
    this.tickets = tickets;
    this.roster = roster;
    this.payments = payments;
    this.notices = notices;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Above authority: the request waits for a person; returns the two A2 timer dates. */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<String, Object> awaitApproval(long refundRequestId) {
    RefundRequest refund = requests.get(refundRequestId);
    Instant now = clock.instant();
    Instant followUpAt = now.plus(properties.followUpAfter());
    Instant reassignAt = followUpAt.plus(properties.reassignAfter());
    if (requests.awaitApproval(refundRequestId)) {
      audit.record(refund.ticketId(), AuditEventType.REFUND_REQUESTED, AuditTrail.SYSTEM,
          "Refund request " + refund.id() + " of " + refund.money() + " is above " + refund.requestedBy() + "'s authority ("
              + refund.requesterRole() + "): waiting for a manager's approval; reminder in " + Durations.format(properties.followUpAfter())
              + ", to the head of support " + Durations.format(properties.reassignAfter()) + " after that");
    }
    return Map.of(dev.escalation.processes.RefundApproval.Variables.FOLLOW_UP_AT, followUpAt.toString(),
        dev.escalation.processes.RefundApproval.Variables.REASSIGN_AT, reassignAt.toString());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void followUp(long refundRequestId) {
    RefundRequest refund = requests.get(refundRequestId);
    notices.followUp(tickets.get(refund.ticketId()), refund, roster.byRoleOnDutyFirst(Role.MANAGER.name()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void recordDecision(long refundRequestId, String decision, String comment, String decidedBy) {
    RefundStatus outcome = switch (decision == null ? "" : decision) {
      case Decisions.APPROVE -> RefundStatus.APPROVED;
      case Decisions.REJECT -> RefundStatus.REJECTED;
      default -> throw new FixableFailure("the approval of refund request " + refundRequestId + " came back without a valid decision ("
          + decision + ")", "set the variable refundDecision to APPROVE or REJECT in Operate");
    };
    String by = decidedBy == null || decidedBy.isBlank() ? DECIDED_IN_TASKLIST : decidedBy;
    RefundRequest refund = requests.get(refundRequestId);
    if (requests.decide(refundRequestId, outcome, by, comment, clock.instant())) {
      audit.record(refund.ticketId(), outcome == RefundStatus.APPROVED ? AuditEventType.REFUND_APPROVED : AuditEventType.REFUND_REJECTED,
          by, (outcome == RefundStatus.APPROVED ? "Approved" : "Rejected") + " refund request " + refund.id() + " of " + refund.money()
              + " asked by " + refund.requestedBy() + ": " + (comment == null ? "(no comment)" : comment));
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void issue(long refundRequestId) {
    RefundRequest refund = requests.get(refundRequestId);
    if (refund.status() == RefundStatus.ISSUED) {
      return;
    }
    if (refund.status() != RefundStatus.REQUESTED && refund.status() != RefundStatus.APPROVED) {
      throw new FixableFailure("refund request " + refundRequestId + " is " + refund.status() + ", not approved",
          "find out why the process reached issue-refund for it; cancel the instance in Operate if it must not be issued");
    }
    String providerId = payments.refund(refund);
    requests.issued(refundRequestId, providerId, clock.instant());
    audit.record(refund.ticketId(), AuditEventType.REFUND_ISSUED, AuditTrail.SYSTEM,
        "Refund " + providerId + " of " + refund.money() + " issued for request " + refund.id()
            + (refund.status() == RefundStatus.REQUESTED
                ? " within " + refund.requestedBy() + "'s own authority (" + refund.requesterRole() + ")"
                : " as approved by " + refund.decidedBy()));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void notifyOutcome(long refundRequestId) {
    RefundRequest refund = requests.get(refundRequestId);
    notices.outcome(tickets.get(refund.ticketId()), refund);
  }
}
