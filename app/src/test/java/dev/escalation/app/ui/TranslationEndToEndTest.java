package dev.escalation.app.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * C2 end to end with WireMock playing a LibreTranslate server: the real app, engine and MariaDB,
 * through the API and on the ticket page in a real headless browser. Its own context (a configured
 * service), closed after the class so its translation schedule stops.
 */
@EmbeddedAppTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TranslationEndToEndTest {
  static final WireMockServer LIBRE_TRANSLATE = new WireMockServer(options().dynamicPort());

  static {
    LIBRE_TRANSLATE.start();
  }

  @DynamicPropertySource
  static void translationService(DynamicPropertyRegistry registry) {
    registry.add("escalation.translation.provider", () -> "libretranslate");
    registry.add("escalation.translation.url", LIBRE_TRANSLATE::baseUrl);
    registry.add("escalation.translation.api-key", () -> "e2e-lt-key");
    registry.add("escalation.translation.poll-interval", () -> "PT0.2S");
  }

  @AfterAll
  static void stop() {
    LIBRE_TRANSLATE.stop();
  }

  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  static MappingBuilder translate(String text, String source, String target) {
    return post(urlEqualTo("/translate"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"q": "%s", "source": "%s", "target": "%s", "format": "text", "api_key": "e2e-lt-key"}""".formatted(text, source, target)));
  }

  static String unique(String text) {
    return text + " (" + UUID.randomUUID().toString().substring(0, 8) + ")";
  }

  /** A German customer's ticket whose description LibreTranslate detects as German. */
  long germanTicket(String description, String englishDescription) {
    LIBRE_TRANSLATE.stubFor(translate(description, "auto", "en").willReturn(okJson("""
        {"detectedLanguage": {"confidence": 95.0, "language": "de"}, "translatedText": "%s"}""".formatted(englishDescription))));
    return api.open(Map.of(
        "customer", Map.of("name", "Greta Kunde", "email", "greta-" + UUID.randomUUID() + "@example.com", "language", "de",
            "vip", false, "annualRevenue", 50000),
        "channel", "email", "subject", "Rechnung doppelt", "description", description,
        "priority", "P3", "category", "BILLING"));
  }

  @Test
  void aGermanCustomerMessageGetsAnEnglishTranslationBesideItInTheApi() {
    String description = unique("Unsere Rechnung wurde doppelt abgebucht");
    long id = germanTicket(description, "Our invoice was charged twice");
    String german = unique("Die Rechnung ist immer noch falsch");
    LIBRE_TRANSLATE.stubFor(translate(german, "auto", "en").willReturn(okJson("""
        {"detectedLanguage": {"confidence": 92.0, "language": "de"}, "translatedText": "The invoice is still wrong"}""")));

    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", german)).status()).isEqualTo(202);

    assertThat(api.get("/api/translation").body().toString())
        .isEqualTo("{\"configured\":true,\"provider\":\"libretranslate\",\"teamLanguage\":\"en\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> "TRANSLATED".equals(customerMessage(id, german).path("translation").path("status").asText()));
    JsonNode message = customerMessage(id, german);
    assertThat(message.get("body").asText()).isEqualTo(german);
    assertThat(message.get("translation").toString()).isEqualTo(
        "{\"status\":\"TRANSLATED\",\"language\":\"de\",\"text\":\"The invoice is still wrong\",\"provider\":\"libretranslate\",\"error\":null}");
    await().atMost(Duration.ofSeconds(20)).until(() ->
        "TRANSLATED".equals(api.get("/api/tickets/" + id + "/description-translation").body().path("status").asText()));
    assertThat(api.get("/api/tickets/" + id + "/description-translation").body().get("text").asText())
        .isEqualTo("Our invoice was charged twice");
  }

  private JsonNode customerMessage(long id, String body) {
    List<JsonNode> messages = new java.util.ArrayList<>();
    api.get("/api/tickets/" + id + "/messages").body().forEach(messages::add);
    return messages.stream().filter(m -> body.equals(m.get("body").asText())).findFirst().orElseThrow();
  }

  @Test
  void theTicketPageShowsTheTranslationBesideTheCustomersMessage() throws Exception {
    String description = unique("Mein Konto ist gesperrt");
    long id = germanTicket(description, "My account is locked");
    String german = unique("Ich komme nicht mehr in mein Konto");
    LIBRE_TRANSLATE.stubFor(translate(german, "auto", "en").willReturn(okJson("""
        {"detectedLanguage": {"confidence": 91.0, "language": "de"}, "translatedText": "I cannot get into my account any more"}""")));
    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", german)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "TRANSLATED".equals(customerMessage(id, german).path("translation").path("status").asText()));

    try (Browser browser = new Browser(port)) {
      browser.logIn(TicketApi.DEFAULT_USER);
      browser.go("#/tickets/" + id);
      browser.wait.until(d -> browser.text("conversation").contains(german));
      String translation = browser.text("translation");
      assertThat(translation).isEqualTo("Translated from de (libretranslate): I cannot get into my account any more");
      assertThat(browser.shown("translation-status")).isFalse();
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
