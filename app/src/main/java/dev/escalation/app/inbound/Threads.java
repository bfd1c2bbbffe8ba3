package dev.escalation.app.inbound;

import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C1: which ticket a message belongs to. In order: the ticket of an earlier message it answers
 * (mail threading headers), the ticket number it names when that ticket is the sender's, then the
 * sender's newest ticket on the channel that is not closed. Empty: the message opens a new ticket.
 */
@Component
class Threads {
  private final InboundLedger ledger;
  private final Conversations conversations;
  private final TicketRepository tickets;

  Threads(InboundLedger ledger, Conversations conversations, TicketRepository tickets) {
    this.ledger = ledger;
    this.conversations = conversations;
    this.tickets = tickets;
  }

  Optional<Long> ticketFor(InboundMessage message) {
    var hint = message.threadHint();
    Optional<Long> answered = ledger.ticketOfEarlierMessage(message.channel(), hint.references()).filter(this::notClosed);
    if (answered.isPresent()) {
      return answered;
    }
    if (hint.ticketId() != null && notClosed(hint.ticketId())
        && conversations.isCustomerOf(hint.ticketId(), message.channel(), message.from())) {
      return Optional.of(hint.ticketId());
    }
    return conversations.latestUnclosedTicket(message.channel(), message.from());
  }

  /** R2: a closed ticket stays closed; the customer's message opens a new one. */
  private boolean notClosed(long ticketId) {
    return tickets.findById(ticketId).map(t -> t.status() != TicketStatus.CLOSED).orElse(false);
  }
}
