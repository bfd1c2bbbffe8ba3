package dev.escalation.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import dev.escalation.app.chat.ChatProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The live chat's customers (issue 12): no login and no session. The chat API's authentication is the
 * signed conversation token, which the chat controllers check themselves (a staff login or API token means
 * nothing here: a staff session is neither read nor needed); the page and its files are public. No cookie
 * authenticates anything on these paths, so there is nothing for CSRF to protect.
 *
 * <p>The page may be framed only by the origins in {@code escalation.chat.frame-origins} (the widget on the
 * customer's website); every other response, the chat API's included, keeps {@code frame-ancestors 'none'}
 * and {@code X-Frame-Options: DENY}.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurity {
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain chatApiSecurity(HttpSecurity http, SecurityProblems problems) throws Exception {
    http.securityMatcher("/api/chat/**")
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(POST, "/api/chat/conversations", "/api/chat/messages").permitAll()
            .requestMatchers(GET, "/api/chat/conversation", "/api/chat/stream").permitAll()
            .anyRequest().denyAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // the token travels in a header or the stream's URL, never in a cookie
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY)))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.api()).accessDeniedHandler(problems));
    return http.build();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  SecurityFilterChain chatPageSecurity(HttpSecurity http, SecurityProblems problems, ChatProperties chat) throws Exception {
    String ancestors = chat.frameOrigins().isEmpty() ? "'none'" : String.join(" ", chat.frameOrigins());
    http.securityMatcher("/chat", "/chat/**")
        .authorizeHttpRequests(rules -> rules.requestMatchers(GET, "/chat", "/chat/**").permitAll().anyRequest().denyAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // nothing here but GET
        .headers(headers -> {
          headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY + ancestors));
          if (!chat.frameOrigins().isEmpty()) {
            // X-Frame-Options cannot name origins; browsers that know frame-ancestors follow it instead
            headers.frameOptions(frame -> frame.disable());
          }
        })
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.api()).accessDeniedHandler(problems));
    return http.build();
  }
}
