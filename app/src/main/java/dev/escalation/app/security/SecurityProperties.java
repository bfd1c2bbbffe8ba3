package dev.escalation.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.security.*}: the first admin of a fresh installation. When
 * {@code bootstrap-admin-password} is set (env {@code ESCALATION_BOOTSTRAP_ADMIN_PASSWORD}) and no
 * login of that name exists, the app creates it at start. {@code login-throttle.*}: see {@link LoginThrottle}.
 */
@ConfigurationProperties("escalation.security")
record SecurityProperties(@DefaultValue("admin") String bootstrapAdminUsername, String bootstrapAdminPassword,
    @DefaultValue LoginThrottling loginThrottle) {

  /**
   * After {@code maxFailuresPerAccount} failed logins for one username, or {@code maxFailuresPerAddress}
   * from one client address (any usernames, API tokens included), logins for it are refused for
   * {@code firstLock}; each further lock lasts twice as long, up to {@code longestLock}. Failures and
   * locks are forgotten once there was none for {@code forgetAfter} (counted from the last failure or
   * the end of the last lock, whichever is later).
   */
  record LoginThrottling(
      @DefaultValue("5") int maxFailuresPerAccount,
      @DefaultValue("20") int maxFailuresPerAddress,
      @DefaultValue("PT30S") Duration firstLock,
      @DefaultValue("PT15M") Duration longestLock,
      @DefaultValue("PT15M") Duration forgetAfter) {}
}
