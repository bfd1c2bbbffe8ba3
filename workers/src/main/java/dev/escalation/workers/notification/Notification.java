package dev.escalation.workers.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A row of the outbox: what to tell whom, and how its delivery went. */
@Table("notification")
public record Notification(
    @Id Long id,
    String idempotencyKey,
    Long ticketId,
    NotificationKind kind,
    String recipient,
    String recipientName,
    Channel channel,
    NotificationStatus status,
    String subject,
    String body,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt,
    @Version Integer version) {

  Notification sent(Instant at) {
    return new Notification(id, idempotencyKey, ticketId, kind, recipient, recipientName, channel,
        NotificationStatus.SENT, subject, body, attempts + 1, nextAttemptAt, null, createdAt, at, version);
  }

  Notification retryAt(Instant next, String error) {
    return new Notification(id, idempotencyKey, ticketId, kind, recipient, recipientName, channel,
        NotificationStatus.PENDING, subject, body, attempts + 1, next, error, createdAt, null, version);
  }

  Notification failed(String error) {
    return new Notification(id, idempotencyKey, ticketId, kind, recipient, recipientName, channel,
        NotificationStatus.FAILED, subject, body, attempts + 1, nextAttemptAt, error, createdAt, null, version);
  }

  Notification undeliverable(String reason) {
    return new Notification(id, idempotencyKey, ticketId, kind, recipient, recipientName, channel,
        NotificationStatus.UNDELIVERABLE, subject, body, attempts, nextAttemptAt, reason, createdAt, null, version);
  }
}
