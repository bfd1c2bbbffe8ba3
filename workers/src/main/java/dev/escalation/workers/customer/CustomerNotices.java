package dev.escalation.workers.customer;

import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.Times;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * N1: what the customer is told, on the customer's channel. Texts are English for now; the
 * customer's language is recorded on the ticket for when translations arrive (see README).
 */
@Component
public class CustomerNotices {
  private final Outbox outbox;
  private final RosterRepository roster;
  private final TicketMessageRepository messages;
  private final Times times;

  CustomerNotices(Outbox outbox, RosterRepository roster, TicketMessageRepository messages, Times times) {
    this.outbox = outbox;
    this.roster = roster;
    this.messages = messages;
    this.times = times;
  }

  public void acknowledge(Ticket ticket) {
    send(ticket, NotificationKind.ACKNOWLEDGEMENT, "ACK:" + ticket.id(),
        "We received your request: " + ticket.subject(),
        "Hello " + ticket.customer().name() + ",\n\nthank you for contacting us. Your request #" + ticket.id()
            + " is with " + ownerName(ticket) + ", who will get back to you by " + times.format(ticket.responseDueAt()) + ".");
  }

  /** H5 warm transfer: who owns it now and when to expect an answer. */
  public void escalated(Ticket ticket) {
    send(ticket, NotificationKind.ESCALATION_NOTICE, "ESCALATION:" + ticket.id() + ":" + ticket.escalationCount(),
        "Your request #" + ticket.id() + " has been escalated",
        "Hello " + ticket.customer().name() + ",\n\nwe have escalated your request #" + ticket.id() + " (" + ticket.subject()
            + ") to " + ownerName(ticket) + " on our " + tierName(ticket.tier()) + " team, who now owns it. You can expect a response by "
            + times.format(ticket.responseDueAt()) + ".");
  }

  public void waiting(Ticket ticket) {
    String question = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id()).stream()
        .filter(m -> m.direction() == TicketMessage.Direction.TO_CUSTOMER)
        .max(Comparator.comparing(TicketMessage::id))
        .map(TicketMessage::body)
        .orElse("Could you tell us more about the problem?");
    send(ticket, NotificationKind.WAITING, "WAITING:" + ticket.id() + ":" + ticket.clockEpoch() + ":" + ticket.version(),
        "We need your answer on request #" + ticket.id(),
        "Hello " + ticket.customer().name() + ",\n\nto continue with your request #" + ticket.id() + " we need this from you:\n\n"
            + question + "\n\nJust reply to this message; we pause our response clock until you do.");
  }

  public void resolved(Ticket ticket, String summary) {
    send(ticket, NotificationKind.RESOLUTION, "RESOLUTION:" + ticket.id() + ":" + ticket.reescalationCount(),
        "Your request #" + ticket.id() + " is resolved",
        "Hello " + ticket.customer().name() + ",\n\nyour request #" + ticket.id() + " (" + ticket.subject() + ") is resolved:\n\n"
            + summary + "\n\nIf the problem is not solved, reply to this message and we will reopen it.");
  }

  private void send(Ticket ticket, NotificationKind kind, String key, String subject, String body) {
    outbox.enqueue(new Outbox.Message(key, ticket.id(), kind, ticket.customer().email(), ticket.customer().name(),
        Channel.of(ticket.channel()), subject, body));
  }

  private String ownerName(Ticket ticket) {
    return roster.findById(ticket.ownerUsername()).map(RosterMember::displayName).orElse("our support team");
  }

  private static String tierName(int tier) {
    return switch (tier) {
      case 1 -> "frontline";
      case 2 -> "specialist";
      default -> "management";
    };
  }
}
