package dev.escalation.workers.ticket;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One message of the conversation with the customer. */
@Table("ticket_message")
public record TicketMessage(@Id Long id, long ticketId, Direction direction, String author, String body, Instant createdAt) {
  public enum Direction {
    FROM_CUSTOMER,
    TO_CUSTOMER
  }
}
