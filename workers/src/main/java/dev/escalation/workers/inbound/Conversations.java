package dev.escalation.workers.inbound;

import dev.escalation.workers.notification.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who a ticket talks to on a messaging channel (table {@code conversation}): where the inbound
 * path threads a customer's next message, and where the channel's adapter sends the answers.
 */
@Repository
public class Conversations {
  private final JdbcClient jdbc;

  Conversations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The address a ticket answers to on a channel, and when the customer last wrote there. */
  public record Contact(long ticketId, Channel channel, String address, String displayName, Instant lastInboundAt) {}

  /**
   * The newest ticket of this sender on this channel that is not closed. On email, a ticket staff
   * opened for the customer's mail address counts too (it has no conversation row yet).
   */
  public Optional<Long> latestUnclosedTicket(Channel channel, String address) {
    return jdbc.sql("""
            SELECT t.id FROM ticket t
            WHERE t.status <> 'CLOSED'
              AND (EXISTS (SELECT 1 FROM conversation c WHERE c.ticket_id = t.id AND c.channel = :channel AND c.address = :address)
                   OR (:channel = 'email' AND t.channel = 'email' AND LOWER(t.customer_email) = LOWER(:address)))
            ORDER BY t.id DESC LIMIT 1""")
        .param("channel", InboundMessage.channelName(channel))
        .param("address", address)
        .query(Long.class)
        .optional();
  }

  /** Whether the ticket's customer is this sender on this channel (a thread hint naming someone else's ticket is not followed). */
  public boolean isCustomerOf(long ticketId, Channel channel, String address) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM ticket t
            WHERE t.id = :ticket
              AND (EXISTS (SELECT 1 FROM conversation c WHERE c.ticket_id = t.id AND c.channel = :channel AND c.address = :address)
                   OR (:channel = 'email' AND LOWER(t.customer_email) = LOWER(:address)))""")
        .param("ticket", ticketId)
        .param("channel", InboundMessage.channelName(channel))
        .param("address", address)
        .query(Long.class)
        .single() > 0;
  }

  /** Records (or refreshes) the ticket's conversation with this sender: the latest inbound time counts. */
  public void received(long ticketId, Channel channel, String address, String displayName, Instant at) {
    jdbc.sql("""
            INSERT INTO conversation (ticket_id, channel, address, display_name, last_inbound_at) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE address = VALUES(address), display_name = VALUES(display_name),
                                    last_inbound_at = GREATEST(last_inbound_at, VALUES(last_inbound_at))""")
        .params(ticketId, InboundMessage.channelName(channel), address, displayName, Timestamp.from(at))
        .update();
  }

  public Optional<Contact> of(long ticketId, Channel channel) {
    return jdbc.sql("SELECT address, display_name, last_inbound_at FROM conversation WHERE ticket_id = ? AND channel = ?")
        .params(ticketId, InboundMessage.channelName(channel))
        .query((rs, n) -> new Contact(ticketId, channel, rs.getString(1), rs.getString(2),
            rs.getTimestamp(3).toInstant()))
        .optional();
  }
}
