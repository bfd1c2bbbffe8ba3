package dev.escalation.workers.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox delivery settings ({@code escalation.outbox.*}). Unset values fall back to the defaults
 * below, so {@link #defaults()} is what an application without any {@code escalation.outbox.*}
 * property gets.
 *
 * @param pollInterval how often the scheduled dispatcher looks for due notifications (the
 *     {@code @Scheduled} delay reads {@code escalation.outbox.poll-interval} itself; this copy is
 *     only validated and exposed)
 * @param batchSize how many due notifications one dispatch round takes at most
 * @param maxAttempts delivery attempts before a temporarily failing notification is given up (FAILED)
 * @param initialBackoff delay before the second attempt; doubled for each further attempt
 * @param maxBackoff the longest delay between two attempts
 * @param fromAddress the sender address of e-mail notifications
 * @param fromName the sender display name of e-mail notifications
 * @param enabled whether the scheduled polling runs ({@link OutboxDispatcher#dispatchDue()} works
 *     either way)
 * @param lease how long a dispatcher owns a notification it claimed: another dispatcher (an other
 *     replica) retries it only after the lease ran out, for example because the first one crashed
 *     while sending. Keep it well above the mail server timeouts.
 */
@ConfigurationProperties("escalation.outbox")
public record OutboxProperties(
    Duration pollInterval,
    @DefaultValue("50") int batchSize,
    @DefaultValue("8") int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    String fromAddress,
    String fromName,
    @DefaultValue("true") boolean enabled,
    Duration lease) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_BATCH_SIZE = 50;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(10);
  public static final String DEFAULT_FROM_ADDRESS = "support@escalation.local";
  public static final String DEFAULT_FROM_NAME = "Support";
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

  public OutboxProperties {
    pollInterval = positive(pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval, "poll-interval");
    initialBackoff = positive(initialBackoff == null ? DEFAULT_INITIAL_BACKOFF : initialBackoff, "initial-backoff");
    maxBackoff = positive(maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff, "max-backoff");
    lease = positive(lease == null ? DEFAULT_LEASE : lease, "lease");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("escalation.outbox.batch-size must be positive: " + batchSize);
    }
    if (maxAttempts <= 0) {
      throw new IllegalArgumentException("escalation.outbox.max-attempts must be positive: " + maxAttempts);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("escalation.outbox.max-backoff (" + maxBackoff
          + ") must not be shorter than escalation.outbox.initial-backoff (" + initialBackoff + ")");
    }
    fromAddress = fromAddress == null || fromAddress.isBlank() ? DEFAULT_FROM_ADDRESS : fromAddress.strip();
    fromName = fromName == null || fromName.isBlank() ? DEFAULT_FROM_NAME : fromName.strip();
  }

  public static OutboxProperties defaults() {
    return new OutboxProperties(null, DEFAULT_BATCH_SIZE, DEFAULT_MAX_ATTEMPTS, null, null, null, null, true, null);
  }

  private static Duration positive(Duration value, String property) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("escalation.outbox." + property + " must be positive: " + value);
    }
    return value;
  }
}
