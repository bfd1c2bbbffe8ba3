package dev.escalation.workers.notification;

import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import org.springframework.stereotype.Component;

/**
 * C2's documented fallback: a customer notice a channel's rules refused (WhatsApp outside the
 * 24-hour window with no template configured) goes by email when the ticket's customer has an
 * address. Runs in the transaction that records the refusal, once per notification (its own key).
 */
@Component
class EmailFallback {
  private final Outbox outbox;
  private final TicketRepository tickets;

  EmailFallback(Outbox outbox, TicketRepository tickets) {
    this.outbox = outbox;
    this.tickets = tickets;
  }

  void sendInstead(Notification refused) {
    if (refused.ticketId() == null || refused.channel() == Channel.EMAIL) {
      return;
    }
    String email = tickets.findById(refused.ticketId()).map(Ticket::customer).map(c -> c.email()).orElse("");
    if (email == null || email.isBlank()) {
      return;
    }
    outbox.enqueue(new Outbox.Message(refused.idempotencyKey() + ":EMAIL", refused.ticketId(), refused.kind(), email,
        refused.recipientName(), Channel.EMAIL, refused.subject(), refused.body()));
  }
}
