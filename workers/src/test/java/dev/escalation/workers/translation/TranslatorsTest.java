package dev.escalation.workers.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.translation.TranslationProperties.Provider;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** C2: WireMock plays LibreTranslate's POST /translate and DeepL's POST /v2/translate with their documented shapes. */
class TranslatorsTest {
  static WireMockServer service;

  @BeforeAll
  static void start() {
    service = new WireMockServer(options().dynamicPort());
    service.start();
  }

  @AfterAll
  static void stop() {
    service.stop();
  }

  @BeforeEach
  void reset() {
    service.resetAll();
  }

  private static TranslationProperties properties(Provider provider, String key) {
    return new TranslationProperties(provider, URI.create(service.baseUrl()), key, "en", Duration.ofSeconds(5), 3, Duration.ofSeconds(1));
  }

  private LibreTranslateTranslator libre(String key) {
    return new LibreTranslateTranslator(properties(Provider.LIBRETRANSLATE, key));
  }

  private DeepLTranslator deepL() {
    return new DeepLTranslator(properties(Provider.DEEPL, "279a2e9d-83b3-c416-7e2d-f721593e42a0:fx"));
  }

  @Test
  void libreTranslateDetectsTheSourceAndTranslatesIntoTheTeamLanguage() throws Exception {
    service.stubFor(post(urlEqualTo("/translate"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"q": "Meine Rechnung ist falsch", "source": "auto", "target": "en", "format": "text", "api_key": "lt-key"}"""))
        .willReturn(okJson("""
            {"detectedLanguage": {"confidence": 92.0, "language": "de"}, "translatedText": "My invoice is wrong"}""")));

    Translated result = libre("lt-key").translate("Meine Rechnung ist falsch", null, "en");

    assertThat(result).isEqualTo(new Translated("My invoice is wrong", "de"));
  }

  @Test
  void libreTranslateWithAGivenSourceSendsItAndOmitsAnEmptyKey() throws Exception {
    service.stubFor(post(urlEqualTo("/translate"))
        .withRequestBody(equalToJson("""
            {"q": "We are on it", "source": "en", "target": "de", "format": "text"}"""))
        .willReturn(okJson("""
            {"translatedText": "Wir kümmern uns darum"}""")));

    assertThat(libre("").translate("We are on it", "en", "de")).isEqualTo(new Translated("Wir kümmern uns darum", null));
  }

  @Test
  void libreTranslate429WithRetryAfterIsTransientAndSaysHowLongToWait() {
    service.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Slowdown: 10 per 1 minute\"}")));

    assertThatThrownBy(() -> libre("lt-key").translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isFalse();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
          assertThat(e.getMessage()).contains("LibreTranslate answered 429: Slowdown: 10 per 1 minute");
        });
  }

  @Test
  void libreTranslate500IsTransientAnd403IsPermanentWithTheServicesError() {
    service.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Cannot translate text\"}")));
    assertThatThrownBy(() -> libre("lt-key").translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isFalse();
          assertThat(e.retryAfter()).isEmpty();
        });

    service.stubFor(post(urlEqualTo("/translate")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Invalid API key\"}")));
    assertThatThrownBy(() -> libre("wrong").translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isTrue();
          assertThat(e.getMessage()).isEqualTo("LibreTranslate answered 403: Invalid API key");
        });
  }

  @Test
  void deepLSendsTheKeyInTheAuthorizationHeaderAndReadsTheDetectedLanguage() throws Exception {
    service.stubFor(post(urlEqualTo("/v2/translate"))
        .withHeader("Authorization", equalTo("DeepL-Auth-Key 279a2e9d-83b3-c416-7e2d-f721593e42a0:fx"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"text": ["Meine Rechnung ist falsch"], "target_lang": "EN-GB"}"""))
        .willReturn(okJson("""
            {"translations": [{"detected_source_language": "DE", "text": "My invoice is wrong"}]}""")));

    assertThat(deepL().translate("Meine Rechnung ist falsch", null, "en")).isEqualTo(new Translated("My invoice is wrong", "de"));
  }

  @Test
  void deepLWithAGivenSourceSendsSourceLang() throws Exception {
    service.stubFor(post(urlEqualTo("/v2/translate"))
        .withRequestBody(equalToJson("""
            {"text": ["We are on it"], "target_lang": "DE", "source_lang": "EN"}"""))
        .willReturn(okJson("""
            {"translations": [{"detected_source_language": "EN", "text": "Wir kümmern uns darum"}]}""")));

    assertThat(deepL().translate("We are on it", "en", "de").text()).isEqualTo("Wir kümmern uns darum");
    service.verify(1, postRequestedFor(urlEqualTo("/v2/translate")));
  }

  @Test
  void deepLQuotaExceeded456AndBadKey403ArePermanentAnd429IsTransient() {
    service.stubFor(post(urlEqualTo("/v2/translate")).willReturn(aResponse().withStatus(456)
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Quota Exceeded\"}")));
    assertThatThrownBy(() -> deepL().translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isTrue();
          assertThat(e.getMessage()).isEqualTo("DeepL answered 456: Quota Exceeded");
        });

    service.stubFor(post(urlEqualTo("/v2/translate")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Wrong endpoint. Use https://api.deepl.com\"}")));
    assertThatThrownBy(() -> deepL().translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> assertThat(e.permanent()).isTrue());

    service.stubFor(post(urlEqualTo("/v2/translate")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
        .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Too many requests\"}")));
    assertThatThrownBy(() -> deepL().translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isFalse();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
  }

  @Test
  void aFreeDeepLKeyGoesToTheFreeHostAndAProKeyToThePaidOne() {
    assertThat(new TranslationProperties(Provider.DEEPL, null, "abc:fx", null, null, null, null).url())
        .isEqualTo(URI.create("https://api-free.deepl.com"));
    assertThat(new TranslationProperties(Provider.DEEPL, null, "abc", null, null, null, null).url())
        .isEqualTo(URI.create("https://api.deepl.com"));
  }

  @Test
  void withoutAServiceNothingIsTranslatedAndTheReasonNamesTheSetting() {
    NoTranslation none = new NoTranslation();
    assertThat(none.configured()).isFalse();
    assertThatThrownBy(() -> none.translate("Hallo", null, "en"))
        .isInstanceOfSatisfying(TranslationException.class, e -> {
          assertThat(e.permanent()).isTrue();
          assertThat(e.getMessage()).contains("escalation.translation.provider");
        });
    assertThat(new TranslatorConfiguration().translator(new TranslationProperties(null, null, null, null, null, null, null)))
        .isInstanceOf(NoTranslation.class);
  }

  @Test
  void aServiceWithoutWhatItNeedsIsRefusedAtStart() {
    assertThatThrownBy(() -> new TranslatorConfiguration().translator(
        new TranslationProperties(Provider.LIBRETRANSLATE, null, null, null, null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("escalation.translation.provider=libretranslate needs escalation.translation.url (env ESCALATION_TRANSLATION_URL):"
            + " a LibreTranslate server's URL");
    assertThatThrownBy(() -> new TranslatorConfiguration().translator(
        new TranslationProperties(Provider.DEEPL, null, " ", null, null, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("escalation.translation.provider=deepl needs escalation.translation.api-key (env ESCALATION_TRANSLATION_API_KEY)");
    assertThat(new TranslatorConfiguration().translator(properties(Provider.DEEPL, "key"))).isInstanceOf(DeepLTranslator.class);
    assertThat(new TranslatorConfiguration().translator(properties(Provider.LIBRETRANSLATE, ""))).isInstanceOf(LibreTranslateTranslator.class);
  }
}
