package dev.escalation.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per account and per client address, and the locks they earn (policy:
 * {@link SecurityProperties.LoginThrottling}). In memory, per app instance: a restart forgets them,
 * and with several replicas each counts its own share.
 */
class LoginThrottle {
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_ENTRIES = 100_000;

  private record State(int failures, int locks, Instant lastFailure, Instant lockedUntil) {}

  private final SecurityProperties.LoginThrottling policy;
  private final Clock clock;
  private final Map<String, State> accounts = new ConcurrentHashMap<>();
  private final Map<String, State> addresses = new ConcurrentHashMap<>();

  LoginThrottle(SecurityProperties.LoginThrottling policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** How much longer logins as {@code username} (may be null) from {@code address} are refused, if they are. */
  Optional<Duration> lockedFor(String username, String address) {
    Instant now = clock.instant();
    Duration account = username == null ? Duration.ZERO : remaining(accounts.get(account(username)), now);
    Duration from = remaining(addresses.get(address), now);
    Duration longer = account.compareTo(from) >= 0 ? account : from;
    return longer.isPositive() ? Optional.of(longer) : Optional.empty();
  }

  /** A failed login as {@code username} (null for an API token) from {@code address}. */
  void failed(String username, String address) {
    Instant now = clock.instant();
    if (username != null) {
      record(accounts, account(username), policy.maxFailuresPerAccount(), now, "account " + LoginLog.printable(username));
    }
    record(addresses, address, policy.maxFailuresPerAddress(), now, "address " + address);
  }

  /** A successful login: the account's failures are forgotten (the address's are not: one good login must not clear guesses at others). */
  void succeeded(String username) {
    accounts.remove(account(username));
  }

  private void record(Map<String, State> states, String key, int maxFailures, Instant now, String what) {
    if (states.size() >= MAX_ENTRIES) {
      states.values().removeIf(s -> forgotten(s, now));
    }
    State state = states.compute(key, (k, s) -> {
      State current = s == null || forgotten(s, now) ? new State(0, 0, now, Instant.MIN) : s;
      int failures = current.failures() + 1;
      if (failures < maxFailures) {
        return new State(failures, current.locks(), now, current.lockedUntil());
      }
      return new State(0, current.locks() + 1, now, now.plus(lockDuration(current.locks())));
    });
    if (state.failures() == 0) {
      log.warn("logins for {} refused until {} after {} failed logins (lock {})", what, state.lockedUntil(), maxFailures, state.locks());
    }
  }

  private Duration lockDuration(int earlierLocks) {
    Duration lock = policy.firstLock();
    for (int i = 0; i < earlierLocks && lock.compareTo(policy.longestLock()) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(policy.longestLock()) > 0 ? policy.longestLock() : lock;
  }

  /** Quiet for {@code forgetAfter} since the last failure and the end of the last lock. */
  private boolean forgotten(State state, Instant now) {
    Instant last = state.lockedUntil().isAfter(state.lastFailure()) ? state.lockedUntil() : state.lastFailure();
    return !now.isBefore(last.plus(policy.forgetAfter()));
  }

  private static Duration remaining(State state, Instant now) {
    return state == null || !now.isBefore(state.lockedUntil()) ? Duration.ZERO : Duration.between(now, state.lockedUntil());
  }

  /** MariaDB compares usernames ignoring case and trailing blanks: so does the count, or "Agent1 " would be a fresh account. */
  private static String account(String username) {
    return username.stripTrailing().toLowerCase(Locale.ROOT);
  }
}
