package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C2 without a translation service (the default): nothing is translated, and the API and the ticket page say so. */
@EmbeddedAppTest
class TranslationNotConfiguredTest {
  @LocalServerPort int port;

  @Test
  void withoutAServiceTheApiAndTheTicketPageSayNotConfigured() throws Exception {
    TicketApi api = new TicketApi(port);
    long id = api.open("P3", "BILLING", "ohne-uebersetzung@example.com");
    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", "Die Rechnung ist falsch")).status())
        .isEqualTo(202);

    assertThat(api.get("/api/translation").body().toString())
        .isEqualTo("{\"configured\":false,\"provider\":\"none\",\"teamLanguage\":\"en\"}");
    var message = api.get("/api/tickets/" + id + "/messages").body().get(0);
    assertThat(message.get("body").asText()).isEqualTo("Die Rechnung ist falsch");
    assertThat(message.get("translation").toString())
        .isEqualTo("{\"status\":\"NOT_CONFIGURED\",\"language\":null,\"text\":null,\"provider\":\"none\",\"error\":null}");
    assertThat(api.get("/api/tickets/" + id + "/description-translation").body().get("status").asText()).isEqualTo("NOT_CONFIGURED");
    assertThat(api.get("/api/tickets/999999999/description-translation").status()).isEqualTo(404);

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    TicketApi.Response refused = api.post("/api/tickets/" + id + "/replies", Map.of("text", "We are on it", "translate", true));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("type").asText()).endsWith("/translation-not-configured");
    assertThat(refused.body().get("detail").asText()).isEqualTo(
        "no translation service is configured (escalation.translation.provider is none); send the reply without translate");
    TicketApi.Response notABoolean = api.post("/api/tickets/" + id + "/replies", Map.of("text", "We are on it", "translate", "yes"));
    assertThat(notABoolean.status()).isEqualTo(400);
    assertThat(notABoolean.body().toString()).contains("\"translate\"");
    assertThat(api.notifications(id, "REPLY")).isEmpty();
    assertThat(api.get("/api/tickets/" + id + "/messages").body()).hasSize(1);

    try (Browser browser = new Browser(port)) {
      browser.logIn(TicketApi.DEFAULT_USER);
      browser.go("#/tickets/" + id);
      browser.wait.until(d -> browser.text("conversation").contains("Die Rechnung ist falsch"));
      browser.wait.until(d -> browser.shown("translation-status"));
      assertThat(browser.text("translation-status"))
          .isEqualTo("No translation service configured: customer messages are shown as written.");
      assertThat(browser.shown("translation")).isFalse();
      assertThat(browser.shown("translate-reply")).isFalse();
    }
  }
}
