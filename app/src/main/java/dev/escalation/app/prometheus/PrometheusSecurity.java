package dev.escalation.app.prometheus;

import static org.springframework.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /actuator/prometheus} has a chain of its own: no login, {@link ScrapeAccessFilter} decides
 * (local host or the scrape token), and nothing but GET.
 */
@Configuration(proxyBeanMethods = false)
class PrometheusSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain prometheusScrapes(HttpSecurity http, PrometheusProperties properties, ObjectMapper json) throws Exception {
    http.securityMatcher("/actuator/prometheus")
        .addFilterBefore(new ScrapeAccessFilter(properties.scrapeToken(), json), AuthorizationFilter.class)
        .authorizeHttpRequests(rules -> rules.requestMatchers(GET, "/actuator/prometheus").permitAll().anyRequest().denyAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()); // only GET is allowed: nothing here changes state
    return http.build();
  }
}
