package dev.escalation.workers.handover;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * W2/W3: carries out a grab or a reassignment the app accepted: the named person owns the ticket at
 * its tier (a new handoff), the timeline says who moved it from whom and why, the previous owner is
 * told, and a person a manager reassigned it to gets the ticket's whole history (H5).
 */
@Service
public class Handovers {
  private final Tickets tickets;
  private final RosterRepository roster;
  private final HandoffNoteRepository notes;
  private final TicketHistory history;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Clock clock;

  Handovers(Tickets tickets, RosterRepository roster, HandoffNoteRepository notes, TicketHistory history, AuditTrail audit,
      Outbox outbox, Clock clock) {
    this.tickets = tickets;
    this.roster = roster;
    this.notes = notes;
    this.history = history;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Map<String, Object> handOver(HandoverJob job, long jobKey) {
    Ticket ticket = tickets.get(job.ticketId());
    RosterMember next = roster.findById(job.newOwner()).orElseThrow(() -> new FixableFailure(
        job.newOwner() + ", who was to own ticket " + job.ticketId() + ", is no longer on the roster",
        "put " + job.newOwner() + " back on the roster (roster_member), then retry"));
    HandoverKind kind = HandoverKind.valueOf(job.handoverKind());
    String previous = ticket.ownerUsername();
    // the member's row first, as in OwnerAssignment: the ticket's owner foreign key share-locks it
    roster.markAssigned(next.username(), clock.instant());
    ticket.handOverTo(next.username());
    ticket.settle(Actions.HAND_OVER);
    tickets.save(ticket);

    String note = job.handoffNoteId() == null ? "" : notes.findById(job.handoffNoteId()).map(HandoffNote::need)
        .map(need -> " " + need).orElse("");
    String who = next.displayName() + " (" + next.username() + ", tier " + next.tier() + ")";
    String from = previous == null ? "nobody" : previous;
    String actor = job.actor() == null ? AuditTrail.SYSTEM : job.actor();
    if (kind == HandoverKind.GRAB) {
      audit.record(ticket.id(), AuditEventType.TICKET_GRABBED, actor,
          who + " took the ticket from " + from + " at tier " + ticket.tier() + "." + note);
    } else {
      audit.record(ticket.id(), AuditEventType.TICKET_REASSIGNED, actor,
          actor + " gave the ticket to " + who + " (from " + from + ") at tier " + ticket.tier() + "." + note);
    }
    if (previous != null && !previous.equals(next.username())) {
      tellPreviousOwner(ticket, previous, next, kind, actor, jobKey);
    }
    if (kind == HandoverKind.REASSIGNMENT) {
      outbox.enqueue(new Outbox.Message("OWNER_ASSIGNED:" + ticket.id() + ":" + jobKey, ticket.id(),
          NotificationKind.OWNER_ASSIGNED, next.email(), next.displayName(), Channel.EMAIL,
          "[#" + ticket.id() + "] " + ticket.priority() + " ticket assigned to you: " + ticket.subject(),
          "Hello " + next.displayName() + ",\n\n" + actor + " gave you ticket #" + ticket.id() + " at tier " + ticket.tier()
              + "." + note + "\n\n" + history.of(ticket)));
    }
    return Map.of(Variables.HANDOFF, ticket.handoff(), Variables.ASSIGNMENT_REASON, AssignmentReasons.HANDED_OVER);
  }

  private void tellPreviousOwner(Ticket ticket, String previous, RosterMember next, HandoverKind kind, String actor, long jobKey) {
    roster.findById(previous).ifPresent(old -> outbox.enqueue(new Outbox.Message(
        "OWNER_REPLACED:" + ticket.id() + ":" + jobKey, ticket.id(), NotificationKind.OWNER_REPLACED, old.email(),
        old.displayName(), Channel.EMAIL,
        "[#" + ticket.id() + "] " + (kind == HandoverKind.GRAB ? next.displayName() + " took over" : "Reassigned to " + next.displayName())
            + ": " + ticket.subject(),
        "Hello " + old.displayName() + ",\n\n"
            + (kind == HandoverKind.GRAB
                ? next.displayName() + " (" + next.username() + ") took ticket #" + ticket.id() + " from you."
                : actor + " reassigned ticket #" + ticket.id() + " to " + next.displayName() + " (" + next.username() + ").")
            + " You no longer own it; nothing more is needed from you.")));
  }
}
