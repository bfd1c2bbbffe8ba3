package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HTTP Basic, API tokens, the session of the form login with its CSRF token, and the 401/403 problems. */
@EmbeddedAppTest
class AuthenticationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void withoutOrWithWrongCredentialsEveryApiAnswers401AsAProblem() {
    for (TicketApi caller : new TicketApi[] {api.anonymous(), api.as("agent1", "wrong"), api.as("nobody", "demo"),
        api.withToken("esc_unknown"), api.withAuthorization("Basic not-base64!")}) {
      TicketApi.Response response = caller.get("/api/tickets");
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body().get("status").asInt()).isEqualTo(401);
      assertThat(response.body().get("title").asText()).isEqualTo("Unauthorized");
      assertThat(response.body().get("type").asText()).isEqualTo("https://escalation.dev/problems/unauthorized");
      assertThat(response.body().get("detail").asText()).contains("Bearer");
      assertThat(response.body().has("id")).isFalse();
    }
  }

  @Test
  void theHealthProbeIgnoresCredentialsItDoesNotNeed() {
    for (TicketApi caller : new TicketApi[] {api.anonymous(), api.as("agent1", "wrong"), api.as("nobody", "demo"),
        api.withToken("esc_unknown"), api.withAuthorization("Basic not-base64!"), api.as("agent1")}) {
      for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
        TicketApi.Response response = caller.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.body().get("status").asText()).isEqualTo("UP");
      }
    }
    TicketApi.Response post = api.anonymous().post("/actuator/health", Map.of());
    assertThat(post.status()).isEqualTo(401);
    assertThat(post.contentType()).startsWith("application/problem+json");
  }

  @Test
  void everyWebhookRefusesAnUnverifiedCallSayingOnlyThatItIsNotAuthenticated() {
    for (String path : webhooks()) {
      for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Hub-Signature-256", "sha256=00"),
          Map.of("X-Hub-Signature", "sha256=00"), Map.of("X-Webhook-Token", "wrong"))) {
        TicketApi.Response response = api.anonymous().postRaw(path, "{}", headers);
        assertThat(response.status()).as(path + " " + headers).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).as(path).isEqualTo("the request is not authenticated");
      }
    }
  }

  private List<String> webhooks() {
    List<String> paths = mappings.getHandlerMethods().keySet().stream().flatMap(info -> info.getPatternValues().stream())
        .filter(p -> p.startsWith("/api/webhooks/")).sorted().toList();
    assertThat(paths).contains("/api/webhooks/github", "/api/webhooks/jira");
    return paths;
  }

  @Test
  void everyResponseCarriesTheContentSecurityPolicyAndTheCookiesAreSameSiteLax() throws Exception {
    // style-src: no inline style but the BPMN viewer's four fixed style attributes, by hash (ContentSecurityPolicy)
    String policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-hashes'"
        + " 'sha256-j2t/iYgmiK/9tDIa+YLs3dUK18D+PDjuKi+KxuYXU/w=' 'sha256-CA/eh4+2R0J7cEQ14gBMtx834RIOjzMUqCM+evtrkp4='"
        + " 'sha256-AHtqGIKHiUalONG+xeO90E9yUgWLoWuygINiCuiaBnA=' 'sha256-F1/lIJB2HC2RT+RPHwCjlrUMGQft2PdUC4nHeQ7MKsc=';"
        + " img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    for (String path : new String[] {"/login", "/", "/app.js", "/api/tickets", "/actuator/health"}) {
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains(policy);
    }
    browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(); // no cookies yet
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
        .satisfies(c -> assertThat(c).contains("SameSite=Lax"));
    assertThat(form.body()).doesNotContain("<script").doesNotContain("style=").doesNotContain("<style");
    String csrf = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .split(";")[0].substring("XSRF-TOKEN=".length());
    HttpResponse<String> login = browser.send(formPost(base + "/login", Map.of("username", "agent1", "password", "demo", "_csrf", csrf)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
        .satisfies(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
  }

  @Test
  void aForbiddenCallIsA403Problem() {
    TicketApi.Response response = api.as("agent1").get("/api/metrics");
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("title").asText()).isEqualTo("Forbidden");
    assertThat(response.body().get("detail").asText()).contains("agent1").contains("ROLE_AGENT").contains("GET /api/metrics");
  }

  @Test
  void passwordsAreBcryptHashes() {
    String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'head1'").query(String.class).single();
    assertThat(hash).startsWith("$2a$").doesNotContain("demo");
    // the demo roster's eight members each have a login of their own (other tests add more)
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM app_user WHERE role <> 'ADMIN' AND roster_username = username
          AND username IN ('agent1', 'agent2', 'billing1', 'tech1', 'privacy1', 'manager1', 'manager2', 'head1')""")
        .query(Long.class).single()).isEqualTo(8);
  }

  @Test
  void anAdminCreatesAnApiTokenThatActsWithItsRoleUntilRevoked() {
    TicketApi admin = api.as("admin");
    String name = "mail-gateway-" + System.nanoTime();
    TicketApi.Response created = admin.post("/api/admin/tokens", Map.of("name", name, "role", "MANAGER"));
    assertThat(created.status()).isEqualTo(201);
    String token = created.body().get("token").asText();
    long tokenId = created.body().get("id").asLong();
    assertThat(token).startsWith("esc_").hasSizeGreaterThan(40);
    // only the SHA-256 is stored; the listing never shows the token
    assertThat(jdbc.sql("SELECT token_sha256 FROM api_token WHERE id = ?").param(tokenId).query(String.class).single())
        .isEqualTo(Accounts.sha256(token)).isNotEqualTo(token);
    assertThat(admin.get("/api/admin/tokens").body().toString()).contains(name).doesNotContain(token);

    TicketApi machine = api.withToken(token);
    long id = api.open("P4", "OTHER", "token@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).hasNonNull("owner"));
    assertThat(machine.get("/api/tickets/" + id).status()).isEqualTo(200);
    assertThat(machine.post("/api/tickets/" + id + "/attempts", Map.of("note", "Auto-triage: known issue")).status()).isEqualTo(202);
    JsonNode attempt = api.get("/api/tickets/" + id + "/timeline").body().findParents("type").stream()
        .filter(e -> e.get("type").asText().equals("ATTEMPT_RECORDED")).findFirst().orElseThrow();
    assertThat(attempt.get("actor").asText()).isEqualTo("token:" + name);
    // a token is no admin: its role decides
    assertThat(machine.get("/api/admin/users").status()).isEqualTo(403);
    // an AGENT token owns no ticket, so it may read but not act
    String agentToken = admin.post("/api/admin/tokens", Map.of("name", name + "-agent", "role", "AGENT")).body().get("token").asText();
    assertThat(api.withToken(agentToken).get("/api/tickets/" + id).status()).isEqualTo(200);
    assertThat(api.withToken(agentToken).post("/api/tickets/" + id + "/attempts", Map.of("note", "x")).status()).isEqualTo(403);
    // a name is used once; only admins create tokens
    assertThat(admin.post("/api/admin/tokens", Map.of("name", name, "role", "AGENT")).status()).isEqualTo(400);
    assertThat(api.as("head1").post("/api/admin/tokens", Map.of("name", "mine", "role", "ADMIN")).status()).isEqualTo(403);

    assertThat(admin.send("DELETE", "/api/admin/tokens/" + tokenId, null).status()).isEqualTo(204);
    TicketApi.Response revoked = machine.get("/api/tickets/" + id);
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.contentType()).startsWith("application/problem+json");
    assertThat(revoked.body().get("detail").asText()).contains("unknown or revoked API token");
  }

  @Test
  void anAdminCreatesLoginsOnlyForRosterMembersWithTheirRoleAndNeverWithTheDemoPassword() {
    TicketApi admin = api.as("admin");
    String operator = "ops" + System.nanoTime() % 100000;
    assertThat(admin.post("/api/admin/users", Map.of("username", operator, "password", "demo", "role", "ADMIN")).body()
        .get("errors").get(0).get("field").asText()).isEqualTo("password");
    assertThat(admin.post("/api/admin/users", Map.of("username", operator, "password", "short", "role", "ADMIN")).status())
        .isEqualTo(400);
    TicketApi.Response notOnRoster = admin.post("/api/admin/users", Map.of("username", operator, "password", "long-enough-secret", "role", "AGENT"));
    assertThat(notOnRoster.status()).isEqualTo(400);
    assertThat(notOnRoster.body().get("errors").get(0).get("field").asText()).isEqualTo("username");
    assertThat(admin.post("/api/admin/users", Map.of("username", "head1", "password", "long-enough-secret", "role", "HEAD_OF_SUPPORT"))
        .status()).isEqualTo(400);
    assertThat(admin.post("/api/admin/users", Map.of("username", operator, "password", "long-enough-secret", "role", "ADMIN")).status())
        .isEqualTo(201);
    assertThat(api.as(operator, "long-enough-secret").get("/api/admin/users").status()).isEqualTo(200);
    assertThat(api.as(operator, "long-enough-secret").get("/api/me").body().get("roles").get(0).asText()).isEqualTo("ADMIN");
  }

  @Test
  void theFormLoginsSessionNeedsTheCsrfTokenForChanges() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;

    // a page without a session leads to the login form; the API answers 401
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.body()).contains("name=\"username\"").contains("name=\"_csrf\"");
    String csrf = cookie(cookies, "XSRF-TOKEN");

    // the login form itself needs the token
    assertThat(browser.send(formPost(base + "/login", Map.of("username", "agent1", "password", "demo")),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    HttpResponse<String> login = browser.send(formPost(base + "/login", Map.of("username", "agent1", "password", "demo", "_csrf", csrf)),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/");
    assertThat(cookie(cookies, "JSESSIONID")).isNotBlank();

    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(me.body()).get("username").asText()).isEqualTo("agent1");

    String ticket = JSON.writeValueAsString(TicketApi.ticketRequest("P4", "OTHER", "session@example.com"));
    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ticket)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(JSON.readTree(forged.body()).get("title").asText()).isEqualTo("CSRF token missing or invalid");

    String sessionCsrf = cookie(cookies, "XSRF-TOKEN");
    HttpResponse<String> opened = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", sessionCsrf)
        .POST(HttpRequest.BodyPublishers.ofString(ticket)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).isEqualTo(201);
    long id = JSON.readTree(opened.body()).get("id").asLong();
    assertThat(api.get("/api/tickets/" + id + "/timeline").body().get(0).get("actor").asText()).isEqualTo("agent1");

    // logging out ends the session (a browser is sent back to the login page)
    HttpResponse<String> logout = browser.send(formPost(base + "/logout", Map.of("_csrf", sessionCsrf)), HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(401);
  }

  private static HttpRequest formPost(String url, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
  }

  private static String cookie(CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
        .reduce((a, b) -> b).orElse("");
  }
}
