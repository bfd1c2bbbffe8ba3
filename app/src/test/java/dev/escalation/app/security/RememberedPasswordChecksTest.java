package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Successful bcrypt checks are remembered for a while; failures, other hashes and stale entries never match from memory. */
class RememberedPasswordChecksTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final CountingBcrypt bcrypt = new CountingBcrypt();
  private final RememberedPasswordChecks checks = new RememberedPasswordChecks(bcrypt, clock);

  @Test
  void aSuccessfulCheckIsRememberedUntilItsTimeIsUp() {
    String hash = checks.encode("correct horse");
    assertThat(hash).startsWith("$2a$");
    assertThat(checks.matches("correct horse", hash)).isTrue();
    assertThat(checks.matches("correct horse", hash)).isTrue();
    assertThat(bcrypt.checks.get()).isEqualTo(1);

    clock.advance(RememberedPasswordChecks.TTL.minusSeconds(1));
    assertThat(checks.matches("correct horse", hash)).isTrue();
    assertThat(bcrypt.checks.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    assertThat(checks.matches("correct horse", hash)).isTrue();
    assertThat(bcrypt.checks.get()).isEqualTo(2);
  }

  @Test
  void wrongPasswordsAndNewHashesAreAlwaysCheckedByBcrypt() {
    String hash = checks.encode("correct horse");
    assertThat(checks.matches("correct horse", hash)).isTrue();
    assertThat(checks.matches("wrong", hash)).isFalse();
    assertThat(checks.matches("wrong", hash)).isFalse();
    assertThat(bcrypt.checks.get()).isEqualTo(3);
    // the password was changed: a new hash, so the remembered check of the old one does not apply
    String changed = checks.encode("battery staple");
    assertThat(checks.matches("correct horse", changed)).isFalse();
    assertThat(checks.matches("battery staple", changed)).isTrue();
    assertThat(bcrypt.checks.get()).isEqualTo(5);
  }

  private static final class CountingBcrypt implements PasswordEncoder {
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence rawPassword) {
      return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      checks.incrementAndGet();
      return bcrypt.matches(rawPassword, encodedPassword);
    }
  }
}
