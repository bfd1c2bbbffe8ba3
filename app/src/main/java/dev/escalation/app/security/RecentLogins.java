package dev.escalation.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Logins as last read from the database, for {@link #TTL}: used only while the database cannot be
 * reached (see {@link DatabaseUserDetails}), so that a database restart does not lock out the people
 * at work (the ledger's own accesses wait and retry meanwhile). A change through {@link Accounts}
 * evicts the login at once.
 */
class RecentLogins implements UserCache {
  static final Duration TTL = Duration.ofMinutes(5);

  private record Entry(UserDetails user, Instant until) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  RecentLogins(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UserDetails getUserFromCache(String username) {
    Entry entry = entries.get(username);
    if (entry == null) {
      return null;
    }
    Instant now = clock.instant();
    // the embedded mode's clock jumps ahead; an entry from "the future" is as stale as an expired one
    if (now.isAfter(entry.until()) || now.isBefore(entry.until().minus(TTL))) {
      entries.remove(username, entry);
      return null;
    }
    // a copy: the authentication erases the password of the object it was given
    return User.withUserDetails(entry.user()).build();
  }

  @Override
  public void putUserInCache(UserDetails user) {
    entries.put(user.getUsername(), new Entry(User.withUserDetails(user).build(), clock.instant().plus(TTL)));
  }

  @Override
  public void removeUserFromCache(String username) {
    entries.remove(username);
  }
}
