package dev.escalation.app.security;

import dev.escalation.app.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as RFC 7807 problems, whichever part of the filter chain refuses: no or bad
 * credentials (session, HTTP Basic, bearer token), a missing CSRF token, a rule. A browser asking
 * for a UI page without a session is sent to the login form instead.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final ObjectMapper json;
  private final LoginUrlAuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint("/login");

  SecurityProblems(ObjectMapper json) {
    this.json = json;
  }

  /** For HTTP Basic and bearer tokens: always the problem, never the login form. */
  AuthenticationEntryPoint api() {
    return (request, response, e) -> unauthorized(request, response, e);
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException, jakarta.servlet.ServletException {
    if (wantsPage(request)) {
      loginForm.commence(request, response, e);
    } else {
      unauthorized(request, response, e);
    }
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    if (e instanceof CsrfException) {
      write(response, HttpStatus.FORBIDDEN, "CSRF token missing or invalid", "csrf",
          "a request authenticated by the session must carry the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"
              + " (API clients send HTTP Basic or a bearer token instead and need none)", request);
    } else {
      var who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
      boolean explained = e.getMessage() != null && !e.getMessage().equals("Access Denied");
      ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
          (who == null ? "you" : who.getName() + " " + who.getAuthorities()) + " may not " + request.getMethod() + " "
              + request.getRequestURI() + (explained ? ": " + e.getMessage() : "") + " (see docs/security.md)", "forbidden");
      // for people (the UI shows it next to the action): the business reason alone, when there is one
      if (explained) {
        problem.setProperty("reason", e.getMessage());
      }
      write(response, problem, request);
    }
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
    // No Basic challenge: browsers would then prompt and cache the credentials (see docs/security.md, CSRF)
    response.setHeader("WWW-Authenticate", "Bearer realm=\"escalation\"");
    write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "unauthorized",
        "log in (form login at /login), or send HTTP Basic credentials or an API token (Authorization: Bearer ...)"
            + (e == null || e.getMessage() == null ? "" : ": " + e.getMessage()), request);
  }

  private void write(HttpServletResponse response, HttpStatus status, String title, String type, String detail,
      HttpServletRequest request) throws IOException {
    write(response, Problems.of(status, title, detail, type), request);
  }

  private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request) throws IOException {
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // leave it out
    }
    Problems.write(problem, response, json);
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/actuator")) {
      return false;
    }
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
  }
}
