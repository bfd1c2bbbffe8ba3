package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing against the running app, over HTTP Basic, the login form and API tokens. Each
 * test sends from loopback addresses of its own (127.x.y.z; Linux routes all of 127/8 to the
 * loopback) and guesses at logins of its own, so the locks it causes touch no other test.
 */
@EmbeddedAppTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "long-enough-secret";
  @LocalServerPort int port;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void fiveWrongPasswordsLockTheAccountFromEveryAddressEvenForTheRightPasswordUntilTheLockEnds(CapturedOutput log) throws Exception {
    String user = newLogin();
    From first = new From();
    From second = new From();
    double failedBefore = metric("escalation.logins.failed", "credential:password");
    for (int i = 0; i < 5; i++) {
      assertThat(first.basic(user, "wrong-guess-" + i, "/api/me").statusCode()).isEqualTo(401);
    }
    assertLocked(first.basic(user, PASSWORD, "/api/me"));
    assertLocked(second.basic(user, PASSWORD, "/api/me"));
    assertThat(second.basic(user.toUpperCase(), PASSWORD, "/api/me").statusCode()).as("the same login in other letters").isEqualTo(429);

    // each failure: one log line with the username and the address, never the password; and the counter
    assertThat(metric("escalation.logins.failed", "credential:password") - failedBefore).isEqualTo(5.0);
    for (int i = 0; i < 5; i++) {
      assertThat(log.getOut()).doesNotContain("wrong-guess-" + i);
    }
    assertThat(log.getOut().lines().filter(l -> l.contains("login failed: user '" + user + "' from " + first.address + " (Bad credentials)")))
        .hasSize(5);

    // the lock ends with the clock
    api.advanceClock("PT31S");
    assertThat(first.basic(user, PASSWORD, "/api/me").statusCode()).isEqualTo(200);
    // and a successful login forgets the account's failures
    for (int i = 0; i < 4; i++) {
      assertThat(first.basic(user, "wrong", "/api/me").statusCode()).isEqualTo(401);
    }
    assertThat(first.basic(user, PASSWORD, "/api/me").statusCode()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(first.basic(user, "wrong", "/api/me").statusCode()).isEqualTo(401);
    }
    assertThat(first.basic(user, PASSWORD, "/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void twentyFailuresFromOneAddressLockItForEveryLoginAndEveryWayOfLoggingIn() throws Exception {
    From guesser = new From();
    String token = apiToken();
    for (int i = 0; i < 20; i++) {
      assertThat(guesser.basic("ghost-" + System.nanoTime(), "demo", "/api/me").statusCode()).isEqualTo(401);
    }
    assertLocked(guesser.basic("head1", "demo", "/api/me"));
    assertLocked(guesser.bearer(token, "/api/me"));
    assertThat(guesser.formLogin("head1", "demo").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    // other addresses are not concerned
    From other = new From();
    assertThat(other.basic("head1", "demo", "/api/me").statusCode()).isEqualTo(200);
    assertThat(other.bearer(token, "/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void guessedApiTokensLockTheAddress(CapturedOutput log) throws Exception {
    From guesser = new From();
    String token = apiToken();
    double before = metric("escalation.logins.failed", "credential:token");
    for (int i = 0; i < 20; i++) {
      assertThat(guesser.bearer("esc_guess" + i, "/api/me").statusCode()).isEqualTo(401);
    }
    assertThat(metric("escalation.logins.failed", "credential:token") - before).isEqualTo(20.0);
    assertThat(log.getOut()).contains("login failed: unknown or revoked API token from " + guesser.address).doesNotContain("esc_guess");
    assertLocked(guesser.bearer(token, "/api/me"));
    assertThat(new From().bearer(token, "/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void theLoginFormLocksTheAccountAndRefusesTheRightPasswordWhileLocked() throws Exception {
    String user = newLogin();
    From browser = new From();
    for (int i = 0; i < 5; i++) {
      assertThat(browser.formLogin(user, "wrong").headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }
    HttpResponse<String> refused = browser.formLogin(user, PASSWORD);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(browser.get("/api/me").statusCode()).as("no session was authenticated").isEqualTo(401);
    assertLocked(new From().basic(user, PASSWORD, "/api/me"));
  }

  private static void assertLocked(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 30L);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("type").asText()).isEqualTo("https://escalation.dev/problems/too-many-failed-logins");
    assertThat(problem.get("detail").asText())
        .isEqualTo("too many failed logins for this account or from this address; try again in " + retryAfter + " seconds");
  }

  private String newLogin() {
    String user = "lock" + System.nanoTime() % 1_000_000_000L;
    assertThat(api.as("admin").post("/api/admin/users", Map.of("username", user, "password", PASSWORD, "role", "ADMIN")).status())
        .isEqualTo(201);
    return user;
  }

  private String apiToken() {
    return api.as("admin").post("/api/admin/tokens", Map.of("name", "throttle-" + System.nanoTime(), "role", "MANAGER")).body()
        .get("token").asText();
  }

  private double metric(String name, String tag) {
    TicketApi.Response response = api.as("admin").get("/actuator/metrics/" + name + "?tag=" + tag);
    if (response.status() == 404) {
      return 0; // not counted yet
    }
    assertThat(response.status()).isEqualTo(200);
    return response.body().get("measurements").get(0).get("value").asDouble();
  }

  /** A client on a loopback address of its own. */
  private final class From {
    final String address;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;

    From() throws Exception {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      address = "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
      http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> basic(String username, String password, String path) throws Exception {
      return send(request(path).header("Authorization", TicketApi.basic(username, password)).build());
    }

    HttpResponse<String> bearer(String token, String path) throws Exception {
      return send(request(path).header("Authorization", "Bearer " + token).build());
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(request(path).build());
    }

    HttpResponse<String> formLogin(String username, String password) throws Exception {
      send(request("/login").build()); // the XSRF-TOKEN cookie
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
          .reduce((a, b) -> b).orElseThrow();
      String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
      return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
