package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What a caller learns when something fails that no handler expected: an RFC 7807 problem with a
 * reference, and nothing of the internals (exception names, SQL, stack traces), which go to the log.
 */
@FaultAppTest
@Import(FailingEndpoints.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorDisclosureTest {
  private static final List<String> INTERNALS = List.of("Exception", "exception", "SQL", "SELECT", "password_hash", "datetime",
      "10000", "dev.escalation", "java.", "trace", "at org.", "ticket");

  @LocalServerPort int port;
  RawHttp http;
  TicketApi api;

  @BeforeEach
  void clients() {
    http = new RawHttp(port);
    api = new TicketApi(port);
  }

  @Test
  void anUnexpectedExceptionIsAProblemWithAReferenceAndNoInternals(CapturedOutput log) {
    RawHttp.Response response = http.get("/api/tickets/1/explode");
    String reference = serverError(response);
    assertThat(log.getOut()).contains("reference " + reference).contains(FailingEndpoints.BUG_MESSAGE)
        .contains("java.lang.IllegalStateException");
  }

  @Test
  void aValueTheDatabaseRefusesIsAProblemWithAReferenceAndNoInternals(CapturedOutput log) {
    long id = api.open("P4", "OTHER", "refused@example.com");
    // the process has assigned the owner and started the clocks: the attempt below then meets no concurrent change
    await().atMost(Duration.ofSeconds(30)).until(() -> !api.ticket(id).path("responseDueAt").isNull());
    RawHttp.Response response = http.postJson("/api/tickets/" + id + "/explode", "{}");
    String reference = serverError(response);
    assertThat(log.getOut()).contains("reference " + reference).containsIgnoringCase("Incorrect datetime value");
    // and the next write works: nothing stays broken
    TicketApi.Response next = api.post("/api/tickets/" + id + "/attempts", java.util.Map.of("note", "still works"));
    assertThat(next.status()).as(next.toString()).isEqualTo(202);
  }

  @Test
  void theErrorPageAskedForDirectlyIsANotFoundProblem() {
    RawHttp.Response response = http.get("/error");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    assertThat(response.json().get("title").asText()).isEqualTo("Not Found");
  }

  /** This app has no webhook secrets configured: the caller learns that it is not authenticated, the log says why. */
  @Test
  void aWebhookWithoutItsSecretConfiguredSaysOnlyNotAuthenticated(CapturedOutput log) {
    for (String webhook : List.of("github", "jira")) {
      RawHttp.Response response = http.postJson("/api/webhooks/" + webhook, "{}");
      assertThat(response.status()).as(webhook).isEqualTo(401);
      assertThat(response.isProblem()).as(response.toString()).isTrue();
      assertThat(response.json().get("title").asText()).isEqualTo("Webhook not verified");
      assertThat(response.json().get("detail").asText()).isEqualTo("the request is not authenticated");
      assertThat(response.text()).doesNotContain("secret").doesNotContain("escalation.dev-tasks").doesNotContain("WEBHOOK");
      assertThat(log.getOut()).contains(webhook + " webhook call refused: no secret is configured: set escalation.dev-tasks." + webhook
          + ".webhook-secret");
    }
  }

  private static String serverError(RawHttp.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(500);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode body = response.json();
    assertThat(body.get("status").asInt()).isEqualTo(500);
    assertThat(body.get("title").asText()).isEqualTo("Internal Server Error");
    assertThat(body.get("type").asText()).isEqualTo("https://escalation.dev/problems/server-error");
    String reference = body.get("reference").asText();
    assertThat(reference).matches("[0-9a-f-]{36}");
    assertThat(body.get("detail").asText())
        .isEqualTo("the server could not complete the request; the error was logged under reference " + reference);
    assertThat(body.has("trace")).isFalse();
    assertThat(body.has("exception")).isFalse();
    assertThat(body.has("error")).isFalse();
    INTERNALS.forEach(text -> assertThat(response.text()).as(text).doesNotContain(text));
    return reference;
  }
}
