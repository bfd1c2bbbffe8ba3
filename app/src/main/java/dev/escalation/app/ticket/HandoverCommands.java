package dev.escalation.app.ticket;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.app.security.CurrentActor;
import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.handover.HandoverKind;
import dev.escalation.workers.handover.Ownership;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.InFlight;
import dev.escalation.workers.ticket.ResolutionAttemptRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import dev.escalation.workers.ticket.Times;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * W2 grab and W3 reassignment: check the ticket's state, write the automatic handoff note and tell the
 * process (owner-action {@code HAND_OVER}), in one transaction. The process carries the hand-over out
 * (hand-over-ticket, then fresh clocks), as it carries out every other owner action: one at a time.
 */
@Service
class HandoverCommands {
  private final TicketRepository tickets;
  private final RosterRepository roster;
  private final ResolutionAttemptRepository attempts;
  private final HandoffNoteRepository notes;
  private final Ownership ownership;
  private final ProcessGateway process;
  private final CurrentActor actor;
  private final Times times;
  private final Clock clock;

  HandoverCommands(TicketRepository tickets, RosterRepository roster, ResolutionAttemptRepository attempts,
      HandoffNoteRepository notes, Ownership ownership, ProcessGateway process, CurrentActor actor, Times times, Clock clock) {
    this.tickets = tickets;
    this.roster = roster;
    this.attempts = attempts;
    this.notes = notes;
    this.ownership = ownership;
    this.process = process;
    this.actor = actor;
    this.times = times;
    this.clock = clock;
  }

  /** W2: the caller takes the ticket (who may is checked before: TicketAccess.mayGrab). */
  @Transactional
  void grab(long id, String note) {
    String by = actor.name();
    Ticket ticket = requireHandoverPossible(id, "grab");
    if (by.equals(ticket.ownerUsername())) {
      throw new ActionNotAllowedException("ticket " + id + " is already yours");
    }
    RosterMember grabber = roster.findById(by).orElseThrow(() -> new ActionNotAllowedException(
        by + " is not on the roster, so cannot own ticket " + id));
    String summary = grabber.displayName() + " (" + by + ") grabbed the ticket from " + ticket.ownerUsername() + " at tier " + ticket.tier();
    handOver(ticket, by, HandoverKind.GRAB, summary, note == null ? grabber.displayName() + " takes the ticket over." : note);
  }

  /** W3: a supervisor gives the ticket to {@code username}, who must be able to own it (Ownership). */
  @Transactional
  void reassign(long id, HandoverRequests.Reassignment request) {
    Ticket ticket = requireHandoverPossible(id, "reassign");
    RosterMember next = roster.findById(request.username()).orElseThrow(() -> new NotOnRosterException(request.username()));
    if (!ownership.mayOwn(next, ticket)) {
      throw new CannotOwnException("cannot reassign ticket " + id + " to " + next.username() + ": " + ownership.whyNot(next, ticket));
    }
    if (!next.available()) {
      throw new CannotOwnException("cannot reassign ticket " + id + " to " + next.username()
          + ": not available on the roster (H1: an owner who can act)");
    }
    if (next.username().equals(ticket.ownerUsername())) {
      throw new ActionNotAllowedException("ticket " + id + " is already owned by " + next.username());
    }
    String summary = actor.name() + " reassigned the ticket from " + ticket.ownerUsername() + " to " + next.displayName()
        + " (" + next.username() + ") at tier " + ticket.tier();
    handOver(ticket, next.username(), HandoverKind.REASSIGNMENT, summary, "Reason: " + request.reason());
  }

  private void handOver(Ticket ticket, String newOwner, HandoverKind kind, String summary, String need) {
    String by = actor.name();
    long tried = attempts.countByTicketIdAndTier(ticket.id(), ticket.tier());
    HandoffNote note = notes.save(new HandoffNote(null, ticket.id(), by, true, null, summary,
        tried + " resolution attempt" + (tried == 1 ? "" : "s") + " recorded at tier " + ticket.tier() + " (see the attempts)",
        need, null, clock.instant()));
    ticket.beginAction(Actions.HAND_OVER, by, clock.instant());
    tickets.save(ticket);
    Map<String, Object> message = new HashMap<>();
    message.put(Variables.ACTION, Actions.HAND_OVER);
    message.put(Variables.ACTOR, by);
    message.put(Variables.ACTION_HANDOFF, ticket.handoff());
    message.put(Variables.ACTION_TIER, ticket.tier());
    message.put(Variables.NEW_OWNER, newOwner);
    message.put(Variables.HANDOVER_KIND, kind.name());
    message.put(Variables.HANDOFF_NOTE_ID, note.id());
    process.publish(Messages.OWNER_ACTION, ticket.id(), message);
  }

  /** W3: the named person cannot own the ticket (HTTP 422). */
  static final class CannotOwnException extends RuntimeException {
    CannotOwnException(String message) {
      super(message);
    }
  }

  /** W3: the named person is not on the roster (HTTP 400 naming {@code username}). */
  static final class NotOnRosterException extends RuntimeException {
    NotOnRosterException(String username) {
      super("is not on the roster: '" + username + "'");
    }
  }

  /** Open, owned (so its process works the ticket at its tier) and no other action in flight. */
  private Ticket requireHandoverPossible(long id, String action) {
    Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
    if (ticket.status() != TicketStatus.OPEN) {
      throw new ActionNotAllowedException("cannot " + action + " ticket " + id + " while it is " + ticket.status() + " (needs OPEN)");
    }
    if (ticket.ownerUsername() == null) {
      throw new ActionNotAllowedException("cannot " + action + " ticket " + id + " before its first owner is assigned");
    }
    if (ticket.actionInFlight() != null) {
      throw new ActionInFlightException("cannot " + action + " ticket " + id + " now: " + InFlight.describe(ticket)
          + " (accepted " + times.format(ticket.actionInFlightAt()) + "); reload the ticket and try again once it has");
    }
    return ticket;
  }
}
