package dev.escalation.app.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, with successful checks remembered for {@link #TTL}: HTTP Basic sends the password with
 * every request, and a bcrypt check per request (tens of milliseconds of CPU) would make every API
 * call slow and skew the timing of concurrent ones. What is remembered is an HMAC (with a random key
 * that never leaves this process) of the stored hash and the password, so a changed password (a new
 * hash) is never matched from memory, and failed checks are never remembered.
 */
class RememberedPasswordChecks implements PasswordEncoder {
  static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;

  private final PasswordEncoder bcrypt;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Instant> remembered = new ConcurrentHashMap<>();

  RememberedPasswordChecks(PasswordEncoder bcrypt, Clock clock) {
    this.bcrypt = bcrypt;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bcrypt.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return false;
    }
    String check = hmac(encodedPassword + '\0' + rawPassword);
    Instant now = clock.instant();
    Instant until = remembered.get(check);
    // the embedded mode's clock jumps ahead: an entry from "the future" is as stale as an expired one
    if (until != null && now.isBefore(until) && !now.isBefore(until.minus(TTL))) {
      return true;
    }
    boolean matches = bcrypt.matches(rawPassword, encodedPassword);
    if (matches) {
      if (remembered.size() >= MAX_ENTRIES) {
        remembered.clear();
      }
      remembered.put(check, now.plus(TTL));
    } else {
      remembered.remove(check);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return bcrypt.upgradeEncoding(encodedPassword);
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
