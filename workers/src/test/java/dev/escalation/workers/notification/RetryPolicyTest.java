package dev.escalation.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy defaults = RetryPolicy.of(OutboxProperties.defaults());

  @Test
  void doublesFromTheInitialBackoff() {
    assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.backoffAfter(7)).isEqualTo(Duration.ofSeconds(320));
  }

  @Test
  void isCappedAtTheMaximumWithoutOverflow() {
    assertThat(defaults.backoffAfter(8)).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.backoffAfter(64)).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
    assertThat(new RetryPolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(10)).backoffAfter(1))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    assertThat(defaults.exhaustedAfter(7)).isFalse();
    assertThat(defaults.exhaustedAfter(8)).isTrue();
    assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).exhaustedAfter(1)).isTrue();
  }

  @Test
  void needsAnAttempt() {
    assertThatThrownBy(() -> defaults.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
