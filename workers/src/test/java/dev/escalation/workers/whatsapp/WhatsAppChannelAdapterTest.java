package dev.escalation.workers.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationStatus;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C2 on WhatsApp: WireMock plays the Cloud API's /{phone-number-id}/messages with its documented shapes. */
@LedgerTest
class WhatsAppChannelAdapterTest {
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final String MESSAGES = "/v21.0/106540352242922/messages";
  static WireMockServer graph;

  @Autowired TicketRepository tickets;
  @Autowired Conversations conversations;

  @BeforeAll
  static void start() {
    graph = new WireMockServer(options().dynamicPort());
    graph.start();
  }

  @AfterAll
  static void stop() {
    graph.stop();
  }

  @BeforeEach
  void reset() {
    graph.resetAll();
  }

  private WhatsAppChannelAdapter adapter(String template) {
    return new WhatsAppChannelAdapter(new WhatsAppProperties("EAAG-token", "106540352242922", "app-secret", "verify", template,
        "de", URI.create(graph.baseUrl()), "v21.0", Duration.ofSeconds(20)), conversations, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private long ticketLastWritingAt(Instant lastInbound) {
    long id = tickets.save(Ticket.open(new Customer("Sheena Nelson", "", "en", false, null), "whatsapp", "Colour", "Another colour?",
        Priority.P3, Category.OTHER, 3, lastInbound)).id();
    conversations.received(id, Channel.WHATSAPP, "16505551234", "Sheena Nelson", lastInbound);
    return id;
  }

  private static Notification notice(long ticketId) {
    return new Notification(9L, "ACK:" + ticketId, ticketId, NotificationKind.ACKNOWLEDGEMENT, "", "Sheena Nelson", Channel.WHATSAPP,
        NotificationStatus.PENDING, "We received your request: Colour", "Hello Sheena", 0, NOW, null, NOW, null, 0);
  }

  private static void accepting() {
    graph.stubFor(post(MESSAGES).willReturn(okJson("""
        {"messaging_product": "whatsapp", "contacts": [{"input": "16505551234", "wa_id": "16505551234"}],
         "messages": [{"id": "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}""")));
  }

  @Test
  void withinTwentyFourHoursOfTheCustomersLastMessageAPlainTextMessageIsSent() throws Exception {
    long id = ticketLastWritingAt(NOW.minus(Duration.ofHours(23).plusMinutes(59)));
    accepting();

    adapter("").deliver(notice(id));

    graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withHeader("Authorization", equalTo("Bearer EAAG-token"))
        .withRequestBody(equalToJson("""
            {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "text",
             "text": {"preview_url": false, "body": "We received your request: Colour\\n\\nHello Sheena"}}""")));
  }

  @Test
  void afterTheWindowTheConfiguredTemplateIsSent() throws Exception {
    long id = ticketLastWritingAt(NOW.minus(Duration.ofHours(24).plusMinutes(1)));
    accepting();

    adapter("ticket_update").deliver(notice(id));

    graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson("""
        {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234", "type": "template",
         "template": {"name": "ticket_update", "language": {"code": "de"}}}""")));
  }

  @Test
  void afterTheWindowWithoutATemplateTheNoticeIsUndeliverableAndWhatsAppIsNotCalled() {
    Instant last = NOW.minus(Duration.ofHours(24).plusMinutes(1));
    long id = ticketLastWritingAt(last);

    assertThatThrownBy(() -> adapter("").deliver(notice(id))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.undeliverable()).isTrue();
      assertThat(e.getMessage()).startsWith("C2: the customer last wrote on WhatsApp at " + last + ", more than 24 hours ago");
    });
    assertThat(graph.getAllServeEvents()).isEmpty();
  }

  @Test
  void a429IsRetriedAfterRetryAfter() {
    long id = ticketLastWritingAt(NOW.minus(Duration.ofHours(1)));
    graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json").withBody("""
            {"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429,
             "error_data": {"messaging_product": "whatsapp", "details": "Cloud API message throughput has been reached."},
             "fbtrace_id": "AbCdEf"}}""")));

    assertThatThrownBy(() -> adapter("").deliver(notice(id))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
      assertThat(e.getMessage()).isEqualTo("WhatsApp answered 429: (#130429) Rate limit hit: Cloud API message throughput has"
          + " been reached.; retry after 30 s");
    });
  }

  @Test
  void aPermanent4xxFailsWithWhatsAppsError() {
    long id = ticketLastWritingAt(NOW.minus(Duration.ofHours(1)));
    graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
        {"error": {"message": "(#131026) Message undeliverable", "type": "OAuthException", "code": 131026,
         "error_data": {"messaging_product": "whatsapp", "details": "Receiver is incapable of receiving this message"},
         "fbtrace_id": "AbCdEf"}}""")));

    assertThatThrownBy(() -> adapter("").deliver(notice(id))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isTrue();
      assertThat(e.undeliverable()).isFalse();
      assertThat(e.getMessage()).isEqualTo(
          "WhatsApp answered 400: (#131026) Message undeliverable: Receiver is incapable of receiving this message");
    });
  }

  @Test
  void aServerErrorIsTemporary() {
    long id = ticketLastWritingAt(NOW.minus(Duration.ofHours(1)));
    graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"An unknown error occurred\", \"type\": \"OAuthException\", \"code\": 1}}")));

    assertThatThrownBy(() -> adapter("").deliver(notice(id))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.getMessage()).isEqualTo("WhatsApp answered 500: (#1) An unknown error occurred; will retry");
    });
  }
}
