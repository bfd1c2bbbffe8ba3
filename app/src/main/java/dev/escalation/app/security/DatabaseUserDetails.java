package dev.escalation.app.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Form login and HTTP Basic check against {@code app_user} (bcrypt). */
class DatabaseUserDetails implements UserDetailsService {
  private final Accounts accounts;

  DatabaseUserDetails(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return accounts.login(username)
        .map(l -> User.withUsername(l.username()).password(l.passwordHash()).roles(l.role().name()).disabled(!l.enabled()).build())
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
