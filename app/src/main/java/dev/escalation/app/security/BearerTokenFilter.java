package dev.escalation.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.escalation.workers.roster.Role;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for machine clients: the token's SHA-256 is looked up,
 * the request runs as {@code token:<name>} with the token's role, for this request only (no
 * session). An unknown or revoked token is a 401 problem and a failed login ({@link LoginLog}).
 */
class BearerTokenFilter extends OncePerRequestFilter {
  static final String PRINCIPAL_PREFIX = "token:";

  private final Accounts accounts;
  private final AuthenticationEntryPoint unauthorized;
  private final LoginLog logins;

  BearerTokenFilter(Accounts accounts, AuthenticationEntryPoint unauthorized, LoginLog logins) {
    this.accounts = accounts;
    this.unauthorized = unauthorized;
    this.logins = logins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var token = accounts.token(header.substring(7).strip());
    if (token.isEmpty()) {
      logins.failedToken(request.getRemoteAddr());
      SecurityContextHolder.clearContext();
      unauthorized.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL_PREFIX + token.get().name(), null,
        List.of(new SimpleGrantedAuthority(Roles.authority(Role.valueOf(token.get().role()))))));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
