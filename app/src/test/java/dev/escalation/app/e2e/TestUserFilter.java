package dev.escalation.app.e2e;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tests only, until Spring Security arrives: the request's principal is the user named in the
 * {@code X-Test-User} header (see {@link TicketApi#as}). The security work replaces this with HTTP Basic.
 */
@TestComponent // imported by EmbeddedAppTest only, never picked up by a component scan
class TestUserFilter extends OncePerRequestFilter {
  static final String HEADER = "X-Test-User";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getHeader(HEADER);
    if (user == null || user.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    Principal principal = () -> user;
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public String getRemoteUser() {
        return user;
      }
    }, response);
  }
}
