package dev.escalation.workers.handoff;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketStatus;
import dev.escalation.workers.ticket.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner action is bound to the tier and handoff it was made at. One that reaches the process
 * after the ticket moved on (escalated, or reopened) is not carried out: it is recorded in the
 * timeline with who made it and why it was ignored, and what the app wrote for it at once (a
 * resolved or waiting status) is undone.
 */
@Service
class StaleActions {
  private final Tickets tickets;
  private final AuditTrail audit;

  StaleActions(Tickets tickets, AuditTrail audit) {
    this.tickets = tickets;
    this.audit = audit;
  }

  @Transactional
  void ignore(StaleActionJob job) {
    Ticket ticket = tickets.get(job.ticketId());
    String actor = job.actor() == null ? AuditTrail.SYSTEM : job.actor();
    // The same kind of action by someone else in flight is the current owner's: its status stays.
    boolean currentOneOfItsKind = job.action() != null && job.action().equals(ticket.actionInFlight())
        && !ticket.isInFlight(job.action(), actor);
    if (ticket.isInFlight(job.action(), actor)) {
      ticket.actionSettled();
    }
    TicketStatus before = ticket.status();
    if (!currentOneOfItsKind) {
      ticket.undoIgnored(job.action());
    }
    tickets.save(ticket);
    audit.record(ticket.id(), AuditEventType.OWNER_ACTION_IGNORED, actor,
        describe(job) + " made at " + (job.actionTier() == null ? "an unknown tier" : "tier " + job.actionTier())
            + (job.actionHandoff() == null ? " without a handoff" : " (handoff " + job.actionHandoff() + ")")
            + " was not carried out: the ticket has since moved on to tier " + ticket.tier() + " (handoff " + ticket.handoff()
            + "), owned by " + ticket.ownerUsername() + "."
            + (before != ticket.status() ? " Its status is back to " + ticket.status() + "." : "")
            + " Act again if it is still needed.");
  }

  private static String describe(StaleActionJob job) {
    String action = job.action() == null ? "" : job.action();
    return switch (action) {
      case Actions.ESCALATE -> "Escalation" + (job.handoffNoteId() == null ? "" : " (handoff note " + job.handoffNoteId() + ")");
      case Actions.RESOLVE -> "Resolution";
      case Actions.WAIT -> "Question to the customer";
      case Actions.ATTEMPT -> "Resolution attempt (kept in the ticket's attempts; it does not count as the new owner's response)";
      case Actions.REPLY -> "Reply to the customer (it was sent; it does not count as the new owner's response)";
      default -> "Owner action " + job.action();
    };
  }
}
