package dev.escalation.app.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Against password guessing: the failed-login log and counter, and the throttle they feed (see docs/security.md). */
@Configuration(proxyBeanMethods = false)
class LoginProtection {

  @Bean
  LoginThrottle loginThrottle(SecurityProperties properties, Clock clock) {
    return new LoginThrottle(properties.loginThrottle(), clock);
  }

  @Bean
  LoginLog loginLog(LoginThrottle throttle, MeterRegistry meters) {
    return new LoginLog(throttle, meters);
  }
}
