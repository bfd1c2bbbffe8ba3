package dev.escalation.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login while its account or its client address is locked by the {@link LoginThrottle},
 * before any password is checked (so the right password is refused too): HTTP Basic and API tokens
 * get a 429 problem with {@code Retry-After}, the login form its error ({@code /login?error}). Requests without
 * credentials (a session, or none) pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;
  private final LoginLog logins;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, LoginLog logins, ObjectMapper json) {
    this.throttle = throttle;
    this.logins = logins;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    if (!form && !basic && !bearer) {
      chain.doFilter(request, response);
      return;
    }
    String username = form ? request.getParameter("username") : basic ? basicUsername(authorization) : null;
    var locked = throttle.lockedFor(username, request.getRemoteAddr());
    if (locked.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    logins.refused();
    long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
    String message = "too many failed logins for this account or from this address; try again in " + seconds + " seconds";
    if (form) {
      // Spring's login page shows one message for every failure, so a guesser learns nothing more from a lock
      response.sendRedirect(request.getContextPath() + "/login?error");
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", message, "too-many-failed-logins"));
  }

  private static String basicUsername(String authorization) {
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
