package dev.escalation.workers.notification;

/**
 * A delivery that did not happen. {@link #permanent()} failures (a rejected address) are not
 * retried; temporary ones (server unreachable) are, with backoff. The message is meant for an
 * operator: it says what went wrong and, where possible, what to fix.
 */
public class DeliveryException extends Exception {
  private final boolean permanent;

  public DeliveryException(boolean permanent, String message, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
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
