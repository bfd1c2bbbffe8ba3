package dev.escalation.workers.notification;

import java.time.Duration;

/**
 * A delivery that did not happen. {@link #permanent()} failures (a rejected address) are not
 * retried; temporary ones (server unreachable) are, with backoff. The message is meant for an
 * operator: it says what went wrong and, where possible, what to fix.
 */
public class DeliveryException extends Exception {
  private final boolean permanent;
  private final Duration retryAfter;
  private final boolean undeliverable;

  public DeliveryException(boolean permanent, String message, Throwable cause) {
    this(permanent, message, cause, null, false);
  }

  private DeliveryException(boolean permanent, String message, Throwable cause, Duration retryAfter, boolean undeliverable) {
    super(message, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
    this.undeliverable = undeliverable;
  }

  /** A temporary failure the provider said when to retry (HTTP 429/503 {@code Retry-After}): not before then. */
  public static DeliveryException retryAfter(Duration wait, String message) {
    return new DeliveryException(false, message, null, wait, false);
  }

  /**
   * C2: the channel's rules forbid this message (WhatsApp's 24-hour window without a template):
   * UNDELIVERABLE with that reason, and by email instead when the customer has an address.
   */
  public static DeliveryException undeliverable(String reason) {
    return new DeliveryException(true, reason, null, null, true);
  }

  /** How long the provider asked to wait before the next attempt, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean undeliverable() {
    return undeliverable;
  }

  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(true, message, cause);
  }

  public static DeliveryException temporary(String message, Throwable cause) {
    return new DeliveryException(false, message, cause);
  }

  public boolean permanent() {
    return permanent;
  }
}
