package dev.escalation.app.ticket;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.app.security.CurrentActor;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S4: an owner or a supervisor changes a ticket's priority. The ledger records it at once; the process
 * evaluates the SLA policy again and recomputes the running clocks with the time already spent.
 */
@Service
class PriorityCommands {
  private final TicketRepository tickets;
  private final AuditTrail audit;
  private final ProcessGateway process;
  private final CurrentActor actor;

  PriorityCommands(TicketRepository tickets, AuditTrail audit, ProcessGateway process, CurrentActor actor) {
    this.tickets = tickets;
    this.audit = audit;
    this.process = process;
    this.actor = actor;
  }

  @Transactional
  void change(long id, PriorityChange request) {
    Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
    if (ticket.status() != TicketStatus.OPEN) {
      throw new ActionNotAllowedException("S4: cannot change the priority of ticket " + id + " while it is " + ticket.status()
          + " (needs OPEN: its clocks are not running)");
    }
    if (ticket.actionInFlight() != null) {
      throw new ActionInFlightException("cannot change the priority of ticket " + id
          + " now: another action is being carried out; reload the ticket and try again once it has");
    }
    Priority before = ticket.priority();
    if (before == request.priority()) {
      throw new ActionNotAllowedException("S4: ticket " + id + " already has priority " + before);
    }
    String by = actor.name();
    ticket.changePriority(request.priority());
    tickets.save(ticket);
    audit.record(id, AuditEventType.PRIORITY_CHANGED, by, before + " to " + request.priority() + ": " + request.reason().trim()
        + ". The SLA policy is evaluated again; time already spent counts against the new targets");
    process.publish(Messages.PRIORITY_CHANGED, id, Map.of(Variables.PRIORITY, request.priority().name(), Variables.ACTOR, by,
        Variables.PRIORITY_REASON, request.reason().trim()));
  }
}
