package dev.escalation.app.ticket;

import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.ticket.InFlight;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import dev.escalation.workers.ticket.Times;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The state checks every ticket command makes before it writes, and the owner-action message they send. */
@Component
class TicketGuards {
  private final TicketRepository tickets;
  private final Times times;

  TicketGuards(TicketRepository tickets, Times times) {
    this.tickets = tickets;
    this.times = times;
  }

  Ticket find(long id) {
    return tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
  }

  Ticket requireStatus(long id, String action, TicketStatus required) {
    Ticket ticket = find(id);
    if (ticket.status() != required) {
      throw new ActionNotAllowedException("cannot " + action + " ticket " + id + " while it is " + ticket.status()
          + " (needs " + required + ")");
    }
    return ticket;
  }

  /**
   * One action at a time: an action the process has not carried out yet would otherwise let a
   * second one pass the state checks and act on the ticket's next tier or owner.
   */
  void requireNothingInFlight(Ticket ticket, String action) {
    if (ticket.actionInFlight() != null) {
      throw new ActionInFlightException("cannot " + action + " ticket " + ticket.id() + " now: " + InFlight.describe(ticket)
          + " (accepted " + times.format(ticket.actionInFlightAt()) + "); reload the ticket and try again once it has");
    }
  }

  /** An owner-action message, bound to the tier and handoff the action was made at. */
  static Map<String, Object> ownerAction(Ticket ticket, String action, String by) {
    Map<String, Object> message = new HashMap<>();
    message.put(Variables.ACTION, action);
    message.put(Variables.ACTOR, by);
    message.put(Variables.ACTION_HANDOFF, ticket.handoff());
    message.put(Variables.ACTION_TIER, ticket.tier());
    return message;
  }
}
