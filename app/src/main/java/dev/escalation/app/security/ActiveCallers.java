package dev.escalation.app.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a caller authenticated earlier may still act now: the login exists and is enabled, or the
 * API token is not revoked. For long-lived responses (W4's event stream), which authenticate once.
 */
@Component
public class ActiveCallers {
  private final JdbcClient jdbc;

  ActiveCallers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code principal}: a username, or {@code token:<name>} for an API token. */
  public boolean isActive(String principal) {
    if (principal.startsWith(BearerTokenFilter.PRINCIPAL_PREFIX)) {
      return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = ? AND revoked_at IS NULL")
          .param(principal.substring(BearerTokenFilter.PRINCIPAL_PREFIX.length())).query(Long.class).single() > 0;
    }
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ? AND enabled").param(principal).query(Long.class).single() > 0;
  }
}
