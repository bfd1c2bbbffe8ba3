package dev.escalation.workers.roster;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.FirstResponses;
import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives a ticket its owner for the current tier, records it, and sends the owner the history. */
@Service
public class OwnerAssignment {
  private final Tickets tickets;
  private final OwnerSelector selector;
  private final RosterRepository roster;
  private final EscalationRepository escalations;
  private final FirstResponses firstResponses;
  private final TicketHistory history;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Clock clock;

  OwnerAssignment(Tickets tickets, OwnerSelector selector, RosterRepository roster, EscalationRepository escalations,
      FirstResponses firstResponses, TicketHistory history, AuditTrail audit, Outbox outbox, Clock clock) {
    this.tickets = tickets;
    this.selector = selector;
    this.roster = roster;
    this.escalations = escalations;
    this.firstResponses = firstResponses;
    this.history = history;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public RosterMember assign(long ticketId, long jobKey) {
    Ticket ticket = tickets.get(ticketId);
    OwnerSelector.Choice choice = selector.choose(ticket.tier(), ticket.category(), ticket.targetGroup());
    RosterMember owner = choice.owner();
    String previous = ticket.ownerUsername();
    // The member's row first: saving the ticket checks its owner foreign key, which share-locks that
    // row, and two assignments that both share-locked it before updating it would deadlock.
    roster.markAssigned(owner.username(), clock.instant());
    ticket.assignTo(owner.username());
    ticket.settle(Actions.ESCALATE); // the escalation that led here reached its new owner
    tickets.save(ticket);
    escalations.findFirstByTicketIdOrderByIdDesc(ticketId)
        .filter(e -> e.toOwner() == null)
        .ifPresent(e -> {
          escalations.save(e.handedTo(owner.username()));
          firstResponses.update(ticketId); // the new owner may have acted before the assignment
        });

    audit.record(ticketId, AuditEventType.OWNER_ASSIGNED, AuditTrail.SYSTEM,
        owner.displayName() + " (" + owner.username() + ", tier " + owner.tier() + ") owns the ticket at tier "
            + ticket.tier() + ": " + choice.reason() + (previous == null ? "" : "; previous owner " + previous));
    outbox.enqueue(new Outbox.Message(
        "OWNER_ASSIGNED:" + ticketId + ":" + jobKey, ticketId, NotificationKind.OWNER_ASSIGNED, owner.email(),
        owner.displayName(), Channel.EMAIL,
        "[#" + ticketId + "] " + ticket.priority() + " ticket assigned to you: " + ticket.subject(),
        "Hello " + owner.displayName() + ",\n\nyou now own ticket #" + ticketId + " at tier " + ticket.tier()
            + (choice.fallback() ? " (nobody at this tier was available)" : "") + ".\n\n" + history.of(ticket)));
    return owner;
  }
}
