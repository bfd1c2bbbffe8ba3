package dev.escalation.workers.translation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message_translation} table's queries. */
@Repository
public class MessageTranslations {
  private static final int ERROR_LENGTH = 1000;

  private final JdbcClient jdbc;

  MessageTranslations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A translation waiting for the service, with the text to translate. */
  record Due(long id, long ticketId, long messageId, int attempts, Instant nextAttemptAt, String text) {}

  /**
   * Queues customer messages and ticket descriptions that have no translation yet, newest first (the
   * conversations agents are reading now before any backlog from before the service was set up); a unique key
   * keeps each to one row when replicas queue at the same time.
   */
  int queueUntranslated(String targetLanguage, String provider, Instant now, int limit) {
    int messages = jdbc.sql("""
        INSERT IGNORE INTO message_translation (ticket_id, message_id, status, target_language, provider, next_attempt_at, created_at)
        SELECT m.ticket_id, m.id, 'PENDING', :target, :provider, :now, :now FROM ticket_message m
        WHERE m.direction = 'FROM_CUSTOMER'
          AND NOT EXISTS (SELECT 1 FROM message_translation t WHERE t.ticket_id = m.ticket_id AND t.message_id = m.id)
        ORDER BY m.id DESC LIMIT :limit""")
        .param("target", targetLanguage).param("provider", provider).param("now", Timestamp.from(now)).param("limit", limit).update();
    int descriptions = jdbc.sql("""
        INSERT IGNORE INTO message_translation (ticket_id, message_id, status, target_language, provider, next_attempt_at, created_at)
        SELECT k.id, 0, 'PENDING', :target, :provider, :now, :now FROM ticket k
        WHERE k.description <> ''
          AND NOT EXISTS (SELECT 1 FROM message_translation t WHERE t.ticket_id = k.id AND t.message_id = 0)
        ORDER BY k.id DESC LIMIT :limit""")
        .param("target", targetLanguage).param("provider", provider).param("now", Timestamp.from(now)).param("limit", limit).update();
    return messages + descriptions;
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.sql("""
        SELECT t.id, t.ticket_id, t.message_id, t.attempts, t.next_attempt_at, COALESCE(m.body, k.description) AS text
        FROM message_translation t JOIN ticket k ON k.id = t.ticket_id
        LEFT JOIN ticket_message m ON m.id = t.message_id AND t.message_id <> 0
        WHERE t.status = 'PENDING' AND t.next_attempt_at <= :now ORDER BY t.id DESC LIMIT :limit""")
        .param("now", Timestamp.from(now)).param("limit", limit)
        .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("ticket_id"), rs.getLong("message_id"), rs.getInt("attempts"),
            rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("text")))
        .list();
  }

  /** Takes a due row for one try until {@code until}; false when another replica took it first. */
  boolean claim(Due due, Instant until) {
    return jdbc.sql("UPDATE message_translation SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?")
        .params(Timestamp.from(until), due.id(), Timestamp.from(due.nextAttemptAt())).update() == 1;
  }

  void translated(long id, String sourceLanguage, String text, int attempts, Instant now) {
    jdbc.sql("UPDATE message_translation SET status = 'TRANSLATED', source_language = ?, text = ?, attempts = ?,"
            + " error = NULL, translated_at = ? WHERE id = ?")
        .params(sourceLanguage, text, attempts, Timestamp.from(now), id).update();
  }

  void sameLanguage(long id, String sourceLanguage, int attempts, Instant now) {
    jdbc.sql("UPDATE message_translation SET status = 'SAME_LANGUAGE', source_language = ?, attempts = ?, error = NULL,"
            + " translated_at = ? WHERE id = ?")
        .params(sourceLanguage, attempts, Timestamp.from(now), id).update();
  }

  void retryAt(long id, int attempts, Instant next, String error) {
    jdbc.sql("UPDATE message_translation SET attempts = ?, next_attempt_at = ?, error = ? WHERE id = ?")
        .params(attempts, Timestamp.from(next), abbreviate(error), id).update();
  }

  void failed(long id, int attempts, String error, Instant now) {
    jdbc.sql("UPDATE message_translation SET status = 'FAILED', attempts = ?, error = ?, translated_at = ? WHERE id = ?")
        .params(attempts, abbreviate(error), Timestamp.from(now), id).update();
  }

  /** A reply as it went out translated: recorded with the reply, in its transaction. */
  public void recordSent(long ticketId, long messageId, String sourceLanguage, String targetLanguage, String text,
      String provider, Instant now) {
    jdbc.sql("""
        INSERT INTO message_translation (ticket_id, message_id, status, source_language, target_language, text, provider,
          attempts, next_attempt_at, created_at, translated_at)
        VALUES (?, ?, 'TRANSLATED', ?, ?, ?, ?, 1, ?, ?, ?)""")
        .params(ticketId, messageId, sourceLanguage, targetLanguage, text, provider, Timestamp.from(now), Timestamp.from(now),
            Timestamp.from(now)).update();
  }

  /** The ticket's translations by message id ({@link MessageTranslation#DESCRIPTION} for the description). */
  public Map<Long, MessageTranslation> ofTicket(long ticketId) {
    return jdbc.sql("""
        SELECT ticket_id, message_id, status, source_language, target_language, text, provider, error, translated_at
        FROM message_translation WHERE ticket_id = ?""")
        .param(ticketId)
        .query((rs, n) -> new MessageTranslation(rs.getLong("ticket_id"), rs.getLong("message_id"),
            TranslationStatus.valueOf(rs.getString("status")), rs.getString("source_language"), rs.getString("target_language"),
            rs.getString("text"), rs.getString("provider"), rs.getString("error"),
            rs.getTimestamp("translated_at") == null ? null : rs.getTimestamp("translated_at").toInstant()))
        .list().stream().collect(Collectors.toMap(MessageTranslation::messageId, Function.identity()));
  }

  /** The language the service last detected in the customer's writing on this ticket. */
  public Optional<String> detectedCustomerLanguage(long ticketId) {
    return jdbc.sql("""
        SELECT t.source_language FROM message_translation t LEFT JOIN ticket_message m ON m.id = t.message_id
        WHERE t.ticket_id = ? AND t.status IN ('TRANSLATED', 'SAME_LANGUAGE') AND t.source_language IS NOT NULL
          AND (t.message_id = 0 OR m.direction = 'FROM_CUSTOMER')
        ORDER BY t.id DESC LIMIT 1""")
        .param(ticketId).query(String.class).optional();
  }

  private static String abbreviate(String error) {
    return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 3) + "...";
  }
}
