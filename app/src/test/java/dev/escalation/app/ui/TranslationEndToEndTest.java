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

  @Test
  void aFailingServiceNeitherBlocksNorFailsTheCustomersMessageAndItsTranslationWaitsForARetry() {
    long id = germanTicket(unique("Lieferung fehlt"), "Delivery missing");
    String german = unique("Das Paket ist nie angekommen");
    LIBRE_TRANSLATE.stubFor(translate(german, "auto", "en").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withStatus(500).withHeader("Content-Type", "application/json").withBody("{\"error\": \"Cannot translate text\"}")));

    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", german)).status()).isEqualTo(202);

    assertThat(customerMessage(id, german).get("body").asText()).isEqualTo(german);
    await().atMost(Duration.ofSeconds(20)).until(() -> !customerMessage(id, german).path("translation").path("error").isNull());
    JsonNode translation = customerMessage(id, german).get("translation");
    assertThat(translation.get("status").asText()).isEqualTo("PENDING");
    assertThat(translation.get("error").asText()).isEqualTo("LibreTranslate answered 500: Cannot translate text; will retry");
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
      assertThat(browser.text("translate-label")).isEqualTo("Translate into German (de)");
      assertThat(browser.shown("translate-reply")).isTrue();

      String english = unique("Your account is unlocked again");
      LIBRE_TRANSLATE.stubFor(translate(english, "en", "de").willReturn(okJson("""
          {"translatedText": "Ihr Konto ist wieder entsperrt"}""")));
      browser.driver.findElement(org.openqa.selenium.By.id("c-text")).sendKeys(english);
      browser.driver.findElement(Browser.testId("translate-reply")).click();
      browser.driver.findElement(Browser.testId("answer-submit")).click();
      browser.wait.until(d -> browser.text("conversation").contains("Sent to the customer in de (libretranslate): Ihr Konto ist wieder entsperrt"));
      assertThat(browser.text("conversation")).contains(english);
      assertThat(browser.driver.findElement(Browser.testId("translate-reply")).isSelected()).isFalse();
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void aTranslatedReplySendsTheGermanTextAndTheTicketKeepsTheEnglishOriginal() {
    long id = germanTicket(unique("Zweimal abgebucht"), "Charged twice");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String english = unique("We have refunded the second charge");
    String german = "Wir haben die zweite Abbuchung erstattet";
    LIBRE_TRANSLATE.stubFor(translate(english, "en", "de").willReturn(okJson("""
        {"translatedText": "%s"}""".formatted(german))));

    TicketApi.Response accepted = api.post("/api/tickets/" + id + "/replies", Map.of("text", english, "translate", true));

    assertThat(accepted.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "REPLY").size() == 1);
    assertThat(api.notifications(id, "REPLY").get(0).get("body").asText())
        .isEqualTo("Hallo Greta Kunde,\n\n" + german + "\n\nHarper Head\nSupport-Team, Anfrage #" + id);
    JsonNode reply = message(id, "TO_CUSTOMER");
    assertThat(reply.get("body").asText()).isEqualTo(english);
    assertThat(reply.get("translation").toString()).isEqualTo(
        "{\"status\":\"TRANSLATED\",\"language\":\"de\",\"text\":\"" + german + "\",\"provider\":\"libretranslate\",\"error\":null}");
  }

  @Test
  void aReplyTheServiceCannotTranslateIsRefusedAndNothingIsSentOrRecorded() {
    long id = germanTicket(unique("Konto gesperrt"), "Account locked");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String busy = unique("Please try again tomorrow");
    LIBRE_TRANSLATE.stubFor(translate(busy, "en", "de").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withStatus(503).withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Service Unavailable\"}")));
    String refused = unique("Your account is unlocked");
    LIBRE_TRANSLATE.stubFor(translate(refused, "en", "de").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"error\": \"Invalid API key\"}")));

    TicketApi.Response unavailable = api.post("/api/tickets/" + id + "/replies", Map.of("text", busy, "translate", true));
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.body().get("type").asText()).endsWith("/translation-failed");
    assertThat(unavailable.body().get("detail").asText()).isEqualTo("LibreTranslate answered 503: Service Unavailable; retry after 60 s;"
        + " nothing was sent: try again later or send the reply without translate");

    TicketApi.Response badGateway = api.post("/api/tickets/" + id + "/replies", Map.of("text", refused, "translate", true));
    assertThat(badGateway.status()).isEqualTo(502);
    assertThat(badGateway.body().get("reason").asText()).isEqualTo("REFUSED");
    assertThat(badGateway.body().get("detail").asText()).startsWith("LibreTranslate answered 403: Invalid API key;");

    assertThat(api.ticket(id).get("responseClock").asText()).isEqualTo("RUNNING");
    assertThat(api.messages(id, "TO_CUSTOMER")).isEmpty();
    assertThat(api.notifications(id, "REPLY")).isEmpty();
    // the agent sends it as written instead
    assertThat(api.post("/api/tickets/" + id + "/replies", Map.of("text", refused, "translate", false)).status()).isEqualTo(202);
    assertThat(message(id, "TO_CUSTOMER").get("translation").isNull()).isTrue();
  }

  private JsonNode message(long id, String direction) {
    List<JsonNode> found = api.messages(id, direction);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
