package dev.escalation.app.translation;

import java.time.Duration;

/** A reply asked to be translated could not be: nothing was sent or recorded. */
public class ReplyNotTranslatedException extends RuntimeException {
  public enum Reason {
    /** no service configured: 409 */
    NOT_CONFIGURED,
    /** the customer reads the team's language: 409 */
    SAME_LANGUAGE,
    /** neither the ticket nor the service knows the customer's language: 409 */
    LANGUAGE_UNKNOWN,
    /** the service refused (bad key, quota, unsupported language): 502 */
    REFUSED,
    /** the service is busy, failing or unreachable: 503 */
    UNAVAILABLE
  }

  private final Reason reason;
  private final Duration retryAfter;

  ReplyNotTranslatedException(Reason reason, String message, Duration retryAfter) {
    super(message);
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
