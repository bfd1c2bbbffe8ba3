package dev.escalation.workers.notification;

import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows through the {@link ChannelAdapter} of their channel (N1/N2).
 *
 * <p>Each row goes through two short transactions, never one spanning the delivery:
 *
 * <ol>
 *   <li><b>claim</b>: the row is saved with {@code attempts + 1} and {@code next_attempt_at} moved
 *       to {@code now + lease}; the optimistic lock ({@code @Version}) makes this succeed for
 *       exactly one dispatcher, so two replicas never send the same row. A dispatcher that crashes
 *       after claiming leaves the row PENDING; it is retried once the lease ran out (so delivery
 *       is at least once; the e-mail Message-ID lets receivers drop the duplicate).
 *   <li><b>outcome</b>: SENT, PENDING with a later attempt (exponential backoff), FAILED or
 *       UNDELIVERABLE, together with its audit event.
 * </ol>
 */
@Component
public class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final NotificationRepository notifications;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final OutboxProperties properties;
  private final RetryPolicy retries;
  private final Clock clock;
  private final EscalationMeters meters;
  private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
  private final EmailFallback emailFallback;

  OutboxDispatcher(
      NotificationRepository notifications,
      AuditTrail audit,
      PlatformTransactionManager transactionManager,
      OutboxProperties properties,
      Clock clock,
      List<ChannelAdapter> adapters,
      EmailFallback emailFallback, EscalationMeters meters) {
    this.emailFallback = emailFallback;
    this.meters = meters;
    this.notifications = notifications;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    // Claim and outcome commit on their own even when a caller runs dispatchDue() in a transaction.
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.properties = properties;
    this.retries = RetryPolicy.of(properties);
    this.clock = clock;
    for (ChannelAdapter adapter : adapters) {
      ChannelAdapter previous = this.adapters.putIfAbsent(adapter.channel(), adapter);
      if (previous != null) {
        throw new IllegalStateException("two adapters for channel " + adapter.channel() + ": "
            + previous.getClass().getName() + " and " + adapter.getClass().getName());
      }
    }
  }

  @Scheduled(fixedDelayString = "${escalation.outbox.poll-interval:PT1S}")
  void poll() {
    if (properties.enabled()) {
      drain();
    }
  }

  /**
   * Dispatches rounds until one handles less than a full batch: a backlog (the notices of a breach
   * storm) goes out at the mail server's pace, not one batch per poll interval. Rows that fail
   * unexpectedly or that another dispatcher claimed do not count, so this always ends.
   */
  public int drain() {
    int handled = 0;
    int round;
    do {
      round = dispatchDue();
      handled += round;
    } while (round >= properties.batchSize());
    return handled;
  }

  /**
   * Delivers the notifications due now (at most {@code escalation.outbox.batch-size}) and returns
   * how many of them this call handled; rows another dispatcher claimed first are not counted.
   */
  public int dispatchDue() {
    Instant now = clock.instant();
    int handled = 0;
    for (Notification due : notifications.due(now, properties.batchSize())) {
      try {
        if (dispatch(due)) {
          handled++;
        }
      } catch (RuntimeException e) {
        log.error("Notification {} could not be dispatched; it stays as it is", due.id(), e);
      }
    }
    return handled;
  }

  /** The channels that have an adapter. */
  public Set<Channel> deliverableChannels() {
    return Collections.unmodifiableSet(adapters.keySet());
  }

  private boolean dispatch(Notification due) {
    ChannelAdapter adapter = adapters.get(due.channel());
    if (adapter == null) {
      meters.deliveryFailed(due.channel().name());
      return record(due, due.undeliverable(
              "no adapter for channel " + due.channel() + " yet; the notification was not sent"),
          AuditEventType.NOTIFICATION_FAILED);
    }
    Notification claimed = claim(due);
    if (claimed == null) {
      return false;
    }
    Notification outcome;
    AuditEventType event;
    try {
      adapter.deliver(due);
      outcome = due.sent(clock.instant());
      event = AuditEventType.NOTIFICATION_DELIVERED;
    } catch (DeliveryException e) {
      log.warn("Notification {} ({} to {} by {}) not delivered, attempt {}: {}", due.id(), due.kind(),
          due.recipient(), due.channel(), due.attempts() + 1, e.getMessage());
      meters.deliveryFailed(due.channel().name());
      outcome = e.undeliverable() ? due.undeliverable(e.getMessage()) : afterFailure(due, e.getMessage(), e.permanent(), e.retryAfter());
      event = outcome.status() == NotificationStatus.PENDING ? null : AuditEventType.NOTIFICATION_FAILED;
    } catch (RuntimeException e) {
      // A bug in an adapter: retried like a temporary failure, so the notification is not lost silently.
      String error = "unexpected error in the " + due.channel() + " adapter: " + e;
      log.error("Notification {}: {}", due.id(), error, e);
      meters.deliveryFailed(due.channel().name());
      outcome = afterFailure(due, error, false, null);
      event = outcome.status() == NotificationStatus.FAILED ? AuditEventType.NOTIFICATION_FAILED : null;
    }
    // The outcome is computed from the row as read (attempts + 1, like the claim) and written
    // over the claimed version.
    return record(claimed, withVersion(outcome, claimed.version()), event, outcome.status() == NotificationStatus.UNDELIVERABLE);
  }

  /** FAILED when permanent or out of attempts, else PENDING with the next attempt after the backoff. */
  private Notification afterFailure(Notification due, String error, boolean permanent, Duration retryAfter) {
    int attempts = due.attempts() + 1;
    if (permanent) {
      return due.failed(error);
    }
    if (retries.exhaustedAfter(attempts)) {
      return due.failed(error + " (gave up after " + attempts + " attempts)");
    }
    Duration backoff = retries.backoffAfter(attempts);
    // a provider's Retry-After (429, 503) is honoured: never earlier than it asked
    Duration wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    return due.retryAt(clock.instant().plus(wait), error);
  }

  /** Claims the row for this dispatcher, or returns null when another one was first. */
  private Notification claim(Notification due) {
    Notification lease = new Notification(due.id(), due.idempotencyKey(), due.ticketId(), due.kind(),
        due.recipient(), due.recipientName(), due.channel(), due.status(), due.subject(), due.body(),
        due.attempts() + 1, clock.instant().plus(properties.lease()), due.lastError(), due.createdAt(),
        due.sentAt(), due.version());
    try {
      return transactions.execute(status -> notifications.save(lease));
    } catch (OptimisticLockingFailureException e) {
      log.debug("Notification {} was claimed by another dispatcher", due.id());
      return null;
    }
  }

  /** Saves the outcome with its audit event in one transaction; false when the row changed meanwhile. */
  private boolean record(Notification current, Notification outcome, AuditEventType event) {
    return record(current, outcome, event, false);
  }

  /** {@code fallback}: the channel refused the message by its rules (C2); the customer's mail gets it instead. */
  private boolean record(Notification current, Notification outcome, AuditEventType event, boolean fallback) {
    try {
      transactions.executeWithoutResult(status -> {
        notifications.save(outcome);
        if (fallback) {
          emailFallback.sendInstead(outcome);
        }
        if (event != null) {
          audit.record(outcome.ticketId(), event, AuditTrail.SYSTEM, describe(outcome));
        }
      });
      return true;
    } catch (OptimisticLockingFailureException e) {
      log.warn("Notification {} was changed by another dispatcher meanwhile (did the lease run out during the"
          + " delivery?); outcome {} not recorded", current.id(), outcome.status());
      return false;
    }
  }

  private static String describe(Notification n) {
    String what = n.kind() + " to " + n.recipient() + " by " + n.channel();
    return switch (n.status()) {
      case SENT -> what;
      case FAILED -> what + " failed: " + n.lastError();
      case UNDELIVERABLE -> what + " undeliverable: " + n.lastError();
      case PENDING -> what + " pending: " + n.lastError();
    };
  }

  private static Notification withVersion(Notification n, Integer version) {
    return new Notification(n.id(), n.idempotencyKey(), n.ticketId(), n.kind(), n.recipient(), n.recipientName(),
        n.channel(), n.status(), n.subject(), n.body(), n.attempts(), n.nextAttemptAt(), n.lastError(),
        n.createdAt(), n.sentAt(), version);
  }
}
