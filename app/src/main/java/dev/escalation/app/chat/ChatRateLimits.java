package dev.escalation.app.chat;

import dev.escalation.app.chat.ChatProperties.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts requests per key (a client address, a chat) in fixed windows, in this replica's memory: at most
 * {@code limit} per window, then the time until the window ends. Several replicas each allow the limit.
 */
@Component
class ChatRateLimits {
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  ChatRateLimits(Clock clock) {
    this.clock = clock;
  }

  private record Window(Instant endsAt, int count) {}

  /** Counts one request; empty when it is within the limit, else how long to wait. */
  Optional<Duration> take(String key, RateLimit limit) {
    Instant now = clock.instant();
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> !w.endsAt().isAfter(now)); // forget ended windows, so memory stays small
    }
    Window window = windows.compute(key, (k, w) -> w == null || !w.endsAt().isAfter(now)
        ? new Window(now.plus(limit.per()), 1)
        : new Window(w.endsAt(), w.count() + 1));
    return window.count() <= limit.limit() ? Optional.empty() : Optional.of(Duration.between(now, window.endsAt()));
  }
}
