package dev.escalation.app.ticket;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.app.security.CurrentActor;
import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.customer.CustomerNotices;
import dev.escalation.workers.handoff.FirstResponses;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * N1: the owner answers the customer without pausing the ticket. The answer is kept in the
 * conversation, counts as a response (the response clock is met, M4), goes out once on the ticket's
 * channel through the outbox, and tells the process, which keeps the owner working at this tier.
 */
@Service
public class CustomerReplies {
  private static final int SUMMARY_LENGTH = 200;

  private final TicketGuards guards;
  private final TicketRepository tickets;
  private final TicketMessageRepository messages;
  private final CustomerNotices notices;
  private final AuditTrail audit;
  private final FirstResponses firstResponses;
  private final ProcessGateway process;
  private final CurrentActor actor;
  private final Clock clock;

  CustomerReplies(TicketGuards guards, TicketRepository tickets, TicketMessageRepository messages, CustomerNotices notices,
      AuditTrail audit, FirstResponses firstResponses, ProcessGateway process, CurrentActor actor, Clock clock) {
    this.guards = guards;
    this.tickets = tickets;
    this.messages = messages;
    this.notices = notices;
    this.audit = audit;
    this.firstResponses = firstResponses;
    this.process = process;
    this.actor = actor;
    this.clock = clock;
  }

  /** Sends {@code text} to the ticket's customer as the current user; returns the recorded message. */
  @Transactional
  public TicketMessage reply(long ticketId, String text) {
    Ticket ticket = guards.requireStatus(ticketId, "answer the customer of", TicketStatus.OPEN);
    guards.requireNothingInFlight(ticket, "answer the customer of");
    String by = actor.name();
    TicketMessage reply = messages.save(new TicketMessage(null, ticketId, TicketMessage.Direction.TO_CUSTOMER, by, text, clock.instant()));
    ticket.ownerResponded();
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.REPLIED_TO_CUSTOMER, by, "Reply to the customer: " + abbreviate(text));
    firstResponses.update(ticketId);
    notices.reply(ticket, reply, notices.staffName(by));
    process.publish(Messages.OWNER_ACTION, ticketId, TicketGuards.ownerAction(ticket, Actions.REPLY, by));
    return reply;
  }

  private static String abbreviate(String text) {
    return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH) + "...";
  }
}
