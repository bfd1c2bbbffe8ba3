package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's policy on a clock the test moves (the end-to-end paths are in LoginThrottlingTest). */
class LoginThrottleTest {
  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(
      new SecurityProperties.LoginThrottling(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

  @Test
  void fiveFailuresLockTheAccountForThirtySecondsFromAnyAddressThenItOpensAgain() {
    fail("agent1", "10.0.0.1", 4);
    assertThat(throttle.lockedFor("agent1", "10.0.0.1")).isEmpty();
    fail("agent1", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("agent1", "10.0.0.1")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("agent1", "10.9.9.9")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("Agent1 ", "10.9.9.9")).as("MariaDB's comparison: same login").contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("agent2", "10.0.0.1")).isEmpty();
    clock.move(Duration.ofSeconds(29));
    assertThat(throttle.lockedFor("agent1", "10.0.0.1")).contains(Duration.ofSeconds(1));
    clock.move(Duration.ofSeconds(1));
    assertThat(throttle.lockedFor("agent1", "10.0.0.1")).isEmpty();
  }

  @Test
  void eachFurtherLockLastsTwiceAsLongUpToTheLongest() {
    Duration expected = Duration.ofSeconds(30);
    for (int lock = 0; lock < 8; lock++) {
      fail("manager1", "10.0.0.2", 5);
      assertThat(throttle.lockedFor("manager1", "10.9.9.9")).as("lock " + lock).contains(expected);
      clock.move(expected);
      expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : expected.multipliedBy(2);
    }
    // failures are forgotten a while after the last one: the next lock is a short one again
    clock.move(Duration.ofMinutes(15));
    fail("manager1", "10.0.0.2", 5);
    assertThat(throttle.lockedFor("manager1", "10.9.9.9")).contains(Duration.ofSeconds(30));
  }

  @Test
  void aSuccessfulLoginForgetsTheAccountsFailuresButNotTheAddresses() {
    fail("agent1", "10.0.0.3", 4);
    throttle.succeeded("agent1");
    fail("agent1", "10.0.0.3", 4);
    assertThat(throttle.lockedFor("agent1", "10.0.0.4")).isEmpty();
    fail("other", "10.0.0.3", 11); // 8 + 11 = 19 from this address
    assertThat(throttle.lockedFor("agent1", "10.0.0.3")).isEmpty();
    fail("third", "10.0.0.3", 1);
    assertThat(throttle.lockedFor("head1", "10.0.0.3")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("head1", "10.0.0.5")).isEmpty();
  }

  @Test
  void tokenFailuresCountForTheAddressOnly() {
    for (int i = 0; i < 20; i++) {
      throttle.failed(null, "10.0.0.6");
    }
    assertThat(throttle.lockedFor(null, "10.0.0.6")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("agent1", "10.0.0.6")).contains(Duration.ofSeconds(30));
    assertThat(throttle.lockedFor("agent1", "10.0.0.7")).isEmpty();
  }

  private void fail(String username, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(username, address);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T10:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
