package dev.escalation.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Form login and HTTP Basic check against {@code app_user} (bcrypt), read on every login. While
 * the database cannot be reached, a login read in the last few minutes is used instead (see
 * {@link RecentLogins}), so that people already at work are not locked out by a database restart.
 */
class DatabaseUserDetails implements UserDetailsService {
  private static final Logger log = LoggerFactory.getLogger(DatabaseUserDetails.class);
  private final Accounts accounts;
  private final RecentLogins recent;

  DatabaseUserDetails(Accounts accounts, RecentLogins recent) {
    this.accounts = accounts;
    this.recent = recent;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    try {
      UserDetails user = accounts.login(username)
          .map(l -> User.withUsername(l.username()).password(l.passwordHash()).roles(l.role().name()).disabled(!l.enabled()).build())
          .orElse(null);
      if (user == null) {
        recent.removeUserFromCache(username);
        throw new UsernameNotFoundException("no such user");
      }
      recent.putUserInCache(user);
      return user;
    } catch (DataAccessException databaseDown) {
      UserDetails known = recent.getUserFromCache(username);
      if (known == null) {
        throw databaseDown;
      }
      log.warn("the database cannot be reached ({}); {} logs in as read {} ago at most", databaseDown.getMessage(), username,
          RecentLogins.TTL);
      return known;
    }
  }
}
