package dev.escalation.workers.notification;

import java.time.Duration;

/**
 * When to try a temporarily failing notification again: exponential backoff
 * ({@code initialBackoff * 2^(attempts - 1)}, capped at {@code maxBackoff}) until
 * {@code maxAttempts} attempts were made.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  static RetryPolicy of(OutboxProperties properties) {
    return new RetryPolicy(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
  }

  /** The delay before the next attempt, after {@code attempts} (at least 1) attempts failed. */
  Duration backoffAfter(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    Duration delay = initialBackoff;
    for (int i = 1; i < attempts; i++) {
      if (delay.compareTo(maxBackoff) >= 0) {
        return maxBackoff;
      }
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }

  /** Whether no attempt follows once {@code attempts} attempts failed. */
  boolean exhaustedAfter(int attempts) {
    return attempts >= maxAttempts;
  }
}
