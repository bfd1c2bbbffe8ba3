package dev.escalation.workers.chat;

import dev.escalation.workers.chat.ChatEntry.Handover;
import dev.escalation.workers.chat.ChatEntry.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chats and their transcripts (tables {@code chat_conversation}, {@code chat_entry}). */
@Repository
public class ChatTranscript {
  private static final String ENTRY_COLUMNS = "id, conversation_id, kind, author, text, created_at,"
      + " handover_owner, handover_tier, handover_due_at, handover_due_text";

  private final JdbcClient jdbc;

  ChatTranscript(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ChatConversation open(String publicId, String customerName, String customerEmail, String language, Instant at) {
    jdbc.sql("""
            INSERT INTO chat_conversation (public_id, customer_name, customer_email, language, created_at)
            VALUES (?, ?, ?, ?, ?)""")
        .params(publicId, customerName, customerEmail, language, Timestamp.from(at))
        .update();
    return byPublicId(publicId).orElseThrow();
  }

  public Optional<ChatConversation> byPublicId(String publicId) {
    return jdbc.sql("SELECT id, public_id, customer_name, customer_email, language, created_at FROM chat_conversation"
            + " WHERE public_id = ?")
        .param(publicId)
        .query((rs, n) -> new ChatConversation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()))
        .optional();
  }

  /**
   * The customer's message, once per {@code clientMessageId}: a retried send finds the entry of the first
   * and writes nothing.
   */
  public ChatEntry customerWrote(ChatConversation chat, long ticketId, String clientMessageId, String text, Instant at) {
    jdbc.sql("""
            INSERT IGNORE INTO chat_entry (conversation_id, ticket_id, kind, author, text, client_message_id, created_at)
            VALUES (?, ?, 'CUSTOMER', ?, ?, ?, ?)""")
        .params(chat.id(), ticketId, chat.customerName(), text, clientMessageId, Timestamp.from(at))
        .update();
    return customerMessage(chat, clientMessageId).orElseThrow();
  }

  public Optional<ChatEntry> customerMessage(ChatConversation chat, String clientMessageId) {
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM chat_entry WHERE conversation_id = ? AND client_message_id = ?")
        .params(chat.id(), clientMessageId)
        .query(ChatTranscript::entry)
        .optional();
  }

  /** What an outbox row delivered to the chat, once per row: a redelivery writes nothing. */
  public void delivered(ChatConversation chat, long ticketId, long notificationId, Kind kind, String author, String text,
      Handover handover, Instant at) {
    jdbc.sql("""
            INSERT IGNORE INTO chat_entry (conversation_id, ticket_id, kind, author, text, notification_id,
                                           handover_owner, handover_tier, handover_due_at, handover_due_text, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(chat.id(), ticketId, kind.name(), author, text, notificationId,
            handover == null ? null : handover.owner(), handover == null ? null : handover.tier(),
            handover == null || handover.dueAt() == null ? null : Timestamp.from(handover.dueAt()),
            handover == null ? null : handover.due(), Timestamp.from(at))
        .update();
  }

  /** The chat's entries after the given id (0: from the start), oldest first. */
  public List<ChatEntry> after(long conversationId, long afterId, int limit) {
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM chat_entry WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?")
        .params(conversationId, afterId, limit)
        .query(ChatTranscript::entry)
        .list();
  }

  /** The entries of any of these chats after the given id, oldest first: one query for all open streams. */
  public List<ChatEntry> after(Collection<Long> conversationIds, long afterId, int limit) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM chat_entry WHERE conversation_id IN (:chats) AND id > :after"
            + " ORDER BY id LIMIT :limit")
        .param("chats", conversationIds)
        .param("after", afterId)
        .param("limit", limit)
        .query(ChatTranscript::entry)
        .list();
  }

  private static ChatEntry entry(ResultSet rs, int row) throws SQLException {
    Kind kind = Kind.valueOf(rs.getString("kind"));
    Handover handover = null;
    if (kind == Kind.HANDOVER) {
      Timestamp due = rs.getTimestamp("handover_due_at");
      handover = new Handover(rs.getString("handover_owner"), rs.getInt("handover_tier"),
          due == null ? null : due.toInstant(), rs.getString("handover_due_text"));
    }
    return new ChatEntry(rs.getLong("id"), rs.getLong("conversation_id"), kind, rs.getString("author"), rs.getString("text"),
        rs.getTimestamp("created_at").toInstant(), handover);
  }
}
