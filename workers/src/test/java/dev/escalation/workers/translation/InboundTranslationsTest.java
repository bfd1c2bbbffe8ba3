package dev.escalation.workers.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.CustomerDetails;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.translation.TranslationProperties.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C2: customer messages and descriptions are translated after they were recorded, against WireMock
 * playing LibreTranslate; a 429 waits for its Retry-After, a permanent refusal is recorded FAILED.
 */
@LedgerTest
class InboundTranslationsTest {
  static WireMockServer libreTranslate;

  @Autowired TicketRepository tickets;
  @Autowired TicketMessageRepository messages;
  @Autowired MessageTranslations translations;
  @Autowired JdbcClient jdbc;
  @Autowired CustomerDetails customerDetails;
  MutableClock clock;
  InboundTranslations inbound;

  @BeforeAll
  static void start() {
    libreTranslate = new WireMockServer(options().dynamicPort());
    libreTranslate.start();
  }

  @AfterAll
  static void stop() {
    libreTranslate.stop();
  }

  @BeforeEach
  void setUp() {
    libreTranslate.resetAll();
    clock = MutableClock.startingNow();
    var properties = new TranslationProperties(Provider.LIBRETRANSLATE, URI.create(libreTranslate.baseUrl()), "lt-key", "en",
        Duration.ofSeconds(5), 3, Duration.ofSeconds(1));
    inbound = new InboundTranslations(new LibreTranslateTranslator(properties), translations, properties, clock, customerDetails);
  }

  private static MappingBuilder translate(String text) {
    return post(urlEqualTo("/translate")).withRequestBody(equalToJson("""
        {"q": "%s", "source": "auto", "target": "en", "format": "text", "api_key": "lt-key"}""".formatted(text)));
  }

  private static String unique(String text) {
    return text + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private long ticket(String language, String description) {
    return tickets.save(Ticket.open(new Customer("Greta", "greta@example.com", language, false, null), "email", "Rechnung",
        description, Priority.P3, Category.BILLING, 3, clock.instant())).id();
  }

  private long customerWrote(long ticketId, String text) {
    return messages.save(new TicketMessage(null, ticketId, TicketMessage.Direction.FROM_CUSTOMER, "Greta", text, clock.instant())).id();
  }

  @Test
  void aGermanMessageIsTranslatedIntoTheTeamsLanguageAndAnEnglishDescriptionIsLeftAsWritten() {
    String description = unique("The invoice address is wrong");
    String german = unique("Die Rechnung ist immer noch falsch");
    long id = ticket("de", description);
    long message = customerWrote(id, german);
    libreTranslate.stubFor(translate(description).willReturn(okJson("""
        {"detectedLanguage": {"confidence": 97.0, "language": "en"}, "translatedText": "%s"}""".formatted(description))));
    libreTranslate.stubFor(translate(german).willReturn(okJson("""
        {"detectedLanguage": {"confidence": 92.0, "language": "de"}, "translatedText": "The invoice is still wrong"}""")));

    inbound.translatePending();

    var recorded = translations.ofTicket(id);
    assertThat(recorded.get(message)).isEqualTo(new MessageTranslation(id, message, TranslationStatus.TRANSLATED, "de", "en",
        "The invoice is still wrong", "libretranslate", null, recorded.get(message).translatedAt()));
    assertThat(recorded.get(MessageTranslation.DESCRIPTION).status()).isEqualTo(TranslationStatus.SAME_LANGUAGE);
    assertThat(recorded.get(MessageTranslation.DESCRIPTION).text()).isNull();

    inbound.translatePending();
    libreTranslate.verify(1, postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson(
        "{\"q\": \"" + german + "\", \"source\": \"auto\", \"target\": \"en\", \"format\": \"text\", \"api_key\": \"lt-key\"}")));
  }

  @Test
  void a429IsTriedAgainOnlyAfterItsRetryAfter() {
    String german = unique("Wo bleibt meine Erstattung");
    long id = ticket("de", german);
    libreTranslate.stubFor(translate(german).inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("free")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
            .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Slowdown: 10 per 1 minute\"}")));
    libreTranslate.stubFor(translate(german).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson("""
        {"detectedLanguage": {"confidence": 90.0, "language": "de"}, "translatedText": "Where is my refund"}""")));

    inbound.translatePending();
    var waiting = translations.ofTicket(id).get(MessageTranslation.DESCRIPTION);
    assertThat(waiting.status()).isEqualTo(TranslationStatus.PENDING);
    assertThat(waiting.error()).isEqualTo("LibreTranslate answered 429: Slowdown: 10 per 1 minute; retry after 30 s");
    assertThat(nextAttemptAt(id)).isEqualTo(clock.instant().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MICROS));

    clock.advance(Duration.ofSeconds(29));
    inbound.translatePending();
    assertThat(translations.ofTicket(id).get(MessageTranslation.DESCRIPTION).status()).isEqualTo(TranslationStatus.PENDING);

    clock.advance(Duration.ofSeconds(1));
    inbound.translatePending();
    var done = translations.ofTicket(id).get(MessageTranslation.DESCRIPTION);
    assertThat(done.status()).isEqualTo(TranslationStatus.TRANSLATED);
    assertThat(done.text()).isEqualTo("Where is my refund");
    assertThat(done.error()).isNull();
    assertThat(attempts(id)).isEqualTo(2);
  }

  @Test
  void aPermanentRefusalIsRecordedFailedWithTheServicesErrorAndNotTriedAgain() {
    String german = unique("Bitte rufen Sie mich an");
    long id = ticket("de", german);
    libreTranslate.stubFor(translate(german).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Invalid API key\"}")));

    inbound.translatePending();
    clock.advance(Duration.ofHours(1));
    inbound.translatePending();

    var failed = translations.ofTicket(id).get(MessageTranslation.DESCRIPTION);
    assertThat(failed.status()).isEqualTo(TranslationStatus.FAILED);
    assertThat(failed.error()).isEqualTo("LibreTranslate answered 403: Invalid API key");
    libreTranslate.verify(1, postRequestedFor(urlEqualTo("/translate")).withRequestBody(equalToJson(
        "{\"q\": \"" + german + "\", \"source\": \"auto\", \"target\": \"en\", \"format\": \"text\", \"api_key\": \"lt-key\"}")));
  }

  @Test
  void transientFailuresBackOffAndTheLastAttemptRecordsFailed() {
    String german = unique("Der Server ist weg");
    long id = ticket("de", german);
    libreTranslate.stubFor(translate(german).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Service Unavailable\"}")));

    inbound.translatePending();
    assertThat(nextAttemptAt(id)).isEqualTo(clock.instant().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    clock.advance(Duration.ofSeconds(1));
    inbound.translatePending();
    assertThat(nextAttemptAt(id)).isEqualTo(clock.instant().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    clock.advance(Duration.ofSeconds(2));
    inbound.translatePending();

    var failed = translations.ofTicket(id).get(MessageTranslation.DESCRIPTION);
    assertThat(failed.status()).isEqualTo(TranslationStatus.FAILED);
    assertThat(failed.error()).isEqualTo("LibreTranslate answered 503: Service Unavailable; will retry (gave up after 3 attempts)");
    assertThat(attempts(id)).isEqualTo(3);
  }

  @Test
  void aDetectedLanguageBecomesTheCustomersWhenTheTicketDidNotKnowIt() {
    String french = unique("Ma facture est fausse");
    long id = ticket("", french);
    libreTranslate.stubFor(translate(french).willReturn(okJson("""
        {"detectedLanguage": {"confidence": 88.0, "language": "fr"}, "translatedText": "My invoice is wrong"}""")));

    inbound.translatePending();

    assertThat(tickets.findById(id).orElseThrow().customer().language()).isEqualTo("fr");
    assertThat(translations.detectedCustomerLanguage(id)).contains("fr");
  }

  private java.time.Instant nextAttemptAt(long ticketId) {
    return jdbc.sql("SELECT next_attempt_at FROM message_translation WHERE ticket_id = ? AND message_id = 0").param(ticketId)
        .query(java.sql.Timestamp.class).single().toInstant();
  }

  private int attempts(long ticketId) {
    return jdbc.sql("SELECT attempts FROM message_translation WHERE ticket_id = ? AND message_id = 0").param(ticketId)
        .query(Integer.class).single();
  }
}
