package dev.escalation.workers.inbound;

import dev.escalation.workers.notification.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The inbound_message and inbound_attachment tables (C1). */
@Repository
public class InboundLedger {
  private final JdbcClient jdbc;

  InboundLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the message's provider id on its channel, in the caller's transaction. Empty when it
   * was received before: the unique key refuses the second row, and a delivery racing the first
   * waits on that key until the first commits (then it is a duplicate) or rolls back (then it wins).
   */
  public Optional<Long> claim(InboundMessage message, Instant at) {
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              INSERT INTO inbound_message (channel, provider_message_id, sender, outcome, received_at)
              VALUES (?, ?, ?, 'RECEIVED', ?)""")
          .params(message.channelName(), message.providerMessageId(), message.from(), Timestamp.from(at))
          .update(keys, "id");
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(keys.getKey().longValue());
  }

  public void complete(long inboundId, InboundOutcome outcome, Long ticketId, Long ticketMessageId) {
    jdbc.sql("UPDATE inbound_message SET outcome = ?, ticket_id = ?, ticket_message_id = ? WHERE id = ?")
        .params(outcome.name(), ticketId, ticketMessageId, inboundId)
        .update();
  }

  public void attach(long inboundId, long ticketId, InboundMessage.Attachment attachment) {
    jdbc.sql("INSERT INTO inbound_attachment (inbound_message_id, ticket_id, name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?)")
        .params(inboundId, ticketId, attachment.name(), attachment.contentType(), attachment.size())
        .update();
  }

  /** The ticket of the latest earlier message on this channel that one of {@code providerIds} names. */
  public Optional<Long> ticketOfEarlierMessage(Channel channel, List<String> providerIds) {
    if (providerIds.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql("""
            SELECT ticket_id FROM inbound_message
            WHERE channel = :channel AND provider_message_id IN (:ids) AND ticket_id IS NOT NULL
            ORDER BY id DESC LIMIT 1""")
        .param("channel", InboundMessage.channelName(channel))
        .param("ids", providerIds)
        .query(Long.class)
        .optional();
  }

  public List<Attachment> attachmentsOf(long ticketId) {
    return jdbc.sql("SELECT inbound_message_id, name, content_type, size_bytes FROM inbound_attachment WHERE ticket_id = ? ORDER BY id")
        .param(ticketId)
        .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  /** What the ledger holds for one provider message id, if anything. */
  public Optional<Entry> find(Channel channel, String providerMessageId) {
    return jdbc.sql("SELECT id, outcome, ticket_id, ticket_message_id FROM inbound_message WHERE channel = ? AND provider_message_id = ?")
        .params(InboundMessage.channelName(channel), providerMessageId)
        .query((rs, n) -> new Entry(rs.getLong(1), InboundOutcome.valueOf(rs.getString(2)),
            (Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class)))
        .optional();
  }

  public long count(Channel channel) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE channel = ?")
        .param(InboundMessage.channelName(channel))
        .query(Long.class)
        .single();
  }

  public record Entry(long id, InboundOutcome outcome, Long ticketId, Long ticketMessageId) {}

  public record Attachment(long inboundMessageId, String name, String contentType, long size) {}
}
