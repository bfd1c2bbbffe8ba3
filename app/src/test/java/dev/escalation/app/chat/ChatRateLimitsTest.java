package dev.escalation.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.chat.ChatProperties.RateLimit;
import dev.escalation.workers.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The chat's rate limits: a fixed window per key, both sides of its end. */
class ChatRateLimitsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final ChatRateLimits limits = new ChatRateLimits(clock);
  private final RateLimit threePerMinute = new RateLimit(3, Duration.ofMinutes(1));

  @Test
  void theLimitIsAllowedAndTheNextOneWaitsUntilTheWindowEnds() {
    assertThat(limits.take("start:10.0.0.1", threePerMinute)).isEmpty();
    clock.advance(Duration.ofSeconds(20));
    assertThat(limits.take("start:10.0.0.1", threePerMinute)).isEmpty();
    assertThat(limits.take("start:10.0.0.1", threePerMinute)).isEmpty();

    assertThat(limits.take("start:10.0.0.1", threePerMinute)).contains(Duration.ofSeconds(40));
    clock.advance(Duration.ofSeconds(39));
    assertThat(limits.take("start:10.0.0.1", threePerMinute)).contains(Duration.ofSeconds(1));
  }

  @Test
  void aNewWindowBeginsWhenTheOldOneEnded() {
    for (int i = 0; i < 4; i++) {
      limits.take("messages:7", threePerMinute);
    }
    clock.advance(Duration.ofSeconds(59));
    assertThat(limits.take("messages:7", threePerMinute)).isPresent();

    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take("messages:7", threePerMinute)).isEmpty();
  }

  @Test
  void eachKeyHasItsOwnCount() {
    for (int i = 0; i < 3; i++) {
      limits.take("start:10.0.0.1", threePerMinute);
    }

    assertThat(limits.take("start:10.0.0.1", threePerMinute)).isPresent();
    assertThat(limits.take("start:10.0.0.2", threePerMinute)).isEmpty();
  }
}
