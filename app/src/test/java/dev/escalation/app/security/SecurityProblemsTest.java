package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * The problem bodies of every refusal, including the ones no URL rule of this branch produces yet:
 * method security ({@code @PreAuthorize} throws {@link AuthorizationDeniedException}, which the
 * filter chain hands to the same handler) and a wrong CSRF token.
 */
class SecurityProblemsTest {
  /** As the app's: Spring's builder adds the mix-in that writes a problem's properties ({@code errors}) at the top level. */
  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  private final SecurityProblems problems = new SecurityProblems(json);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void methodSecurityRefusalIsA403ProblemNamingTheCaller() throws Exception {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("manager1", null,
        AuthorityUtils.createAuthorityList("ROLE_MANAGER")));
    MockHttpServletResponse response = new MockHttpServletResponse();
    problems.handle(request("POST", "/api/tasks/7/complete", null), response,
        new AuthorizationDeniedException("the refund of 5000 EUR is above your authority"));
    JsonNode body = problem(response, 403);
    assertThat(body.get("title").asText()).isEqualTo("Forbidden");
    assertThat(body.get("detail").asText()).isEqualTo(
        "manager1 [ROLE_MANAGER] may not POST /api/tasks/7/complete: the refund of 5000 EUR is above your authority (see docs/security.md)");
    assertThat(body.get("instance").asText()).isEqualTo("/api/tasks/7/complete");
  }

  @Test
  void aWrongCsrfTokenIsA403ProblemSayingWhatToSend() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    problems.handle(request("POST", "/api/tickets", null), response,
        new InvalidCsrfTokenException(new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "expected"), "forged"));
    JsonNode body = problem(response, 403);
    assertThat(body.get("type").asText()).isEqualTo("https://escalation.dev/problems/csrf");
    assertThat(body.get("detail").asText()).contains("X-XSRF-TOKEN").contains("XSRF-TOKEN cookie");
  }

  @Test
  void anApiCallWithoutLoginIsA401ProblemAndAPageGoesToTheLoginForm() throws Exception {
    MockHttpServletResponse api = new MockHttpServletResponse();
    problems.commence(request("GET", "/api/tickets", "text/html"), api, new InsufficientAuthenticationException("Full authentication is required"));
    problem(api, 401);
    assertThat(api.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"escalation\"");

    MockHttpServletResponse page = new MockHttpServletResponse();
    problems.commence(request("GET", "/", "text/html,application/xhtml+xml"), page, new InsufficientAuthenticationException("x"));
    assertThat(page.getStatus()).isEqualTo(302);
    assertThat(page.getRedirectedUrl()).endsWith("/login");

    MockHttpServletResponse script = new MockHttpServletResponse();
    problems.commence(request("GET", "/app.js", "*/*"), script, new InsufficientAuthenticationException("x"));
    problem(script, 401);
  }

  @Test
  void aPlainAccessDeniedHasNoRepeatedMessage() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    problems.handle(request("GET", "/api/metrics", null), response, new AccessDeniedException("Access Denied"));
    assertThat(problem(response, 403).get("detail").asText()).isEqualTo("you may not GET /api/metrics (see docs/security.md)");
  }

  @Test
  void aRequestTheFirewallRejectsIsTheSameInvalidRequestProblemAsAnyBadInput() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new RejectedRequests(json).handle(request("POST", "/api/tickets/3;x=1/attempts", null), response,
        new RequestRejectedException("The request was rejected because the URL contained a potentially malicious String \";\""));
    JsonNode body = problem(response, 400);
    assertThat(body.get("title").asText()).isEqualTo("Invalid request");
    assertThat(body.get("type").asText()).isEqualTo("https://escalation.dev/problems/invalid-request");
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("request");
    assertThat(body.get("errors").get(0).get("message").asText())
        .isEqualTo("was rejected: The request was rejected because the URL contained a potentially malicious String \";\"");
    assertThat(body.get("detail").asText()).startsWith("request was rejected: ");
  }

  private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode body = json.readTree(response.getContentAsString());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    return body;
  }

  private static MockHttpServletRequest request(String method, String uri, String accept) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    if (accept != null) {
      request.addHeader("Accept", accept);
    }
    return request;
  }
}
