package dev.escalation.app.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may scrape {@code /actuator/prometheus}: a request from the local host (the connection's own
 * address, never a forwarded header), or one with {@code Authorization: Bearer <scrape token>}.
 * Anyone else: 401 without credentials, 403 with a wrong token.
 */
class ScrapeAccessFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";
  private final byte[] token;
  private final ObjectMapper json;

  ScrapeAccessFilter(String token, ObjectMapper json) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (fromLocalHost(request) || hasToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getHeader("Authorization") == null) {
      response.setHeader("WWW-Authenticate", "Bearer");
      Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
          "scraping needs the local host or the scrape token as a bearer token", "unauthorized"), response, json);
    } else {
      Problems.write(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "not the scrape token", "forbidden"), response, json);
    }
  }

  private static boolean fromLocalHost(HttpServletRequest request) throws IOException {
    return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
  }

  private boolean hasToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (token.length == 0 || header == null || !header.startsWith(BEARER)) {
      return false;
    }
    return MessageDigest.isEqual(token, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
  }
}
