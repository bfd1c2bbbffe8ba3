package dev.escalation.workers.notification;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications to the outbox inside the caller's transaction, so a notification exists
 * if and only if the change that causes it was committed. The idempotency key makes a second
 * write of the same notification a no-op (N4).
 */
@Service
public class Outbox {
  private final NotificationRepository notifications;
  private final AuditTrail audit;
  private final Clock clock;

  Outbox(NotificationRepository notifications, AuditTrail audit, Clock clock) {
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  public record Message(
      String idempotencyKey, Long ticketId, NotificationKind kind, String recipient, String recipientName,
      Channel channel, String subject, String body) {}

  /** Enqueues the message once; returns false when a message with this key already exists. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(Message message) {
    if (notifications.findByIdempotencyKey(message.idempotencyKey()).isPresent()) {
      return false;
    }
    var now = clock.instant();
    notifications.save(
        new Notification(null, message.idempotencyKey(), message.ticketId(), message.kind(), message.recipient(),
            message.recipientName(), message.channel(), NotificationStatus.PENDING, message.subject(), message.body(),
            0, now, null, now, null, null));
    if (message.ticketId() != null && message.kind() != NotificationKind.PAGE) { // paging.Pages records each page with its reason
      audit.record(message.ticketId(), auditType(message.kind()), AuditTrail.SYSTEM,
          message.kind() + " to " + describe(message) + " by " + message.channel() + ": " + message.subject());
    }
    return true;
  }

  private static String describe(Message message) {
    return message.recipientName() == null
        ? message.recipient()
        : message.recipientName() + " <" + message.recipient() + ">";
  }

  private static AuditEventType auditType(NotificationKind kind) {
    return switch (kind) {
      case ACKNOWLEDGEMENT, ESCALATION_NOTICE, WAITING, RESOLUTION, FIX_SHIPPED, REFUND_OUTCOME, SURVEY, REPLY -> AuditEventType.CUSTOMER_NOTIFIED;
      case PAGE -> AuditEventType.MANAGER_PAGED;
      case HEAD_OF_SUPPORT_ALERT, PAGE_UNANSWERED -> AuditEventType.HEAD_OF_SUPPORT_ALERTED;
      case OWNER_ASSIGNED, OWNER_REPLACED, SLA_WARNING, SLA_BREACH, FIX_SHIPPED_OWNER, REFUND_OUTCOME_TO_AGENT -> AuditEventType.OWNER_NOTIFIED;
      case APPROVAL_FOLLOW_UP, REVIEW_REQUESTED -> AuditEventType.APPROVERS_NOTIFIED;
      case SURVEY_LOW_RATING, ESCALATION_RATE_ALERT, WEEKLY_DIGEST -> AuditEventType.MANAGER_NOTIFIED;
      case TEAM_ALERT -> AuditEventType.TEAM_CHANNEL_POSTED;
    };
  }
}
