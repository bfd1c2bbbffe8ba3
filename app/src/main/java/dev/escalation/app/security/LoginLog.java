package dev.escalation.app.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every failed login (HTTP Basic and the form, from Spring Security's events; API tokens from
 * {@link BearerTokenFilter}): one log line with the username and the client address (never the
 * password), the counter {@code escalation.logins.failed}, and the {@link LoginThrottle}. A login
 * that fails because the database cannot be reached is no guess and counts nowhere.
 */
class LoginLog {
  private static final Logger log = LoggerFactory.getLogger(LoginLog.class);

  private final LoginThrottle throttle;
  private final Counter passwordFailures;
  private final Counter tokenFailures;
  private final Counter refused;

  LoginLog(LoginThrottle throttle, MeterRegistry meters) {
    this.throttle = throttle;
    this.passwordFailures = failures(meters, "password");
    this.tokenFailures = failures(meters, "token");
    this.refused = Counter.builder("escalation.logins.refused")
        .description("logins refused without a check because the account or the client address was locked").register(meters);
  }

  private static Counter failures(MeterRegistry meters, String credential) {
    return Counter.builder("escalation.logins.failed").description("failed logins (wrong password, unknown user or API token, disabled login)")
        .tag("credential", credential).register(meters);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (event instanceof AuthenticationFailureServiceExceptionEvent) {
      return;
    }
    String username = event.getAuthentication().getName();
    String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    log.warn("login failed: user '{}' from {} ({})", printable(username), address, event.getException().getMessage());
    passwordFailures.increment();
    throttle.failed(username, address);
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    throttle.succeeded(event.getAuthentication().getName());
  }

  void failedToken(String address) {
    log.warn("login failed: unknown or revoked API token from {}", address);
    tokenFailures.increment();
    throttle.failed(null, address);
  }

  void refused() {
    refused.increment();
  }

  /** A username as the log may show it: no line breaks or other controls (no forged log lines), 64 characters at most. */
  static String printable(String username) {
    String shown = username.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
  }
}
