package dev.escalation.workers.translation;

import java.time.Duration;
import java.util.Optional;

/**
 * The service did not translate. Transient (429, 5xx, unreachable, timed out) may be tried again,
 * after {@code retryAfter} when the service said how long; permanent (any other 4xx: bad key, quota
 * exceeded, unsupported language) will not succeed by trying again.
 */
public class TranslationException extends Exception {
  private final boolean permanent;
  private final Duration retryAfter;

  public TranslationException(boolean permanent, String message, Duration retryAfter) {
    super(message);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  public boolean permanent() {
    return permanent;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
