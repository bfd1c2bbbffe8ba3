package dev.escalation.app.security;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/health/**} for load balancers and orchestrators: no login, and credentials a
 * probe happens to send (a wrong Basic password, an old token) are ignored rather than refused, so a
 * probe never reads "401" as "down". No authentication runs on this chain, so such requests are no
 * failed logins either.
 */
@Configuration(proxyBeanMethods = false)
class HealthProbeSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain healthProbes(HttpSecurity http, SecurityProblems problems) throws Exception {
    http.securityMatcher("/actuator/health", "/actuator/health/**")
        .authorizeHttpRequests(rules -> rules.requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().denyAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // nothing here changes state: every method but GET is denied
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY)))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.api()).accessDeniedHandler(problems));
    return http.build();
  }
}
