package dev.escalation.workers.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C2 on Telegram: WireMock plays the Bot API's sendMessage with its documented request and answers. */
@LedgerTest
class TelegramChannelAdapterTest {
  static WireMockServer botApi;

  @Autowired TicketRepository tickets;
  @Autowired Conversations conversations;
  TelegramChannelAdapter adapter;

  @BeforeAll
  static void start() {
    botApi = new WireMockServer(options().dynamicPort());
    botApi.start();
  }

  @AfterAll
  static void stop() {
    botApi.stop();
  }

  @BeforeEach
  void reset() {
    botApi.resetAll();
    adapter = new TelegramChannelAdapter(
        new TelegramProperties("123456:ABC-token", "hook-secret", URI.create(botApi.baseUrl()), Duration.ofSeconds(2)), conversations);
  }

  private long ticketWithChat(String chatId) {
    long id = tickets.save(Ticket.open(new Customer("Tina", "", "en", false, null), "telegram", "Invoice", "Wrong address",
        Priority.P3, Category.OTHER, 3, Instant.now())).id();
    conversations.received(id, Channel.TELEGRAM, chatId, "Tina", Instant.now());
    return id;
  }

  private static Notification notice(long ticketId, String body) {
    return new Notification(7L, "ACK:" + ticketId, ticketId, NotificationKind.ACKNOWLEDGEMENT, "", "Tina", Channel.TELEGRAM,
        NotificationStatus.PENDING, "We received your request: Invoice", body, 0, Instant.now(), null, Instant.now(), null, 0);
  }

  @Test
  void sendsThePlainTextNoticeToTheCustomersChat() throws Exception {
    long id = ticketWithChat("987654321");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(okJson("""
        {"ok": true, "result": {"message_id": 55, "date": 1767225600, "chat": {"id": 987654321, "type": "private", "first_name": "Tina"},
         "from": {"id": 123456, "is_bot": true, "first_name": "Support"}, "text": "We received your request: Invoice\\n\\nHello Tina"}}""")));

    adapter.deliver(notice(id, "Hello Tina"));

    botApi.verify(1, postRequestedFor(urlPathEqualTo("/bot123456:ABC-token/sendMessage"))
        .withRequestBody(equalToJson("""
            {"chat_id": "987654321", "text": "We received your request: Invoice\\n\\nHello Tina"}""")));
  }

  @Test
  void aLongNoticeIsCutToTelegrams4096Characters() throws Exception {
    long id = ticketWithChat("42");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(okJson("{\"ok\": true, \"result\": {\"message_id\": 1}}")));

    adapter.deliver(notice(id, "x".repeat(5000)));

    String sent = botApi.getAllServeEvents().get(0).getRequest().getBodyAsString();
    String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent).get("text").asText();
    assertThat(text.codePointCount(0, text.length())).isEqualTo(4096);
    assertThat(text).startsWith("We received your request: Invoice\n\nxxx").endsWith("x\u2026");
  }

  @Test
  void a429IsRetriedAfterTheWaitTelegramAsksFor() {
    long id = ticketWithChat("42");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withHeader("Retry-After", "17")
        .withBody("{\"ok\": false, \"error_code\": 429, \"description\": \"Too Many Requests: retry after 17\", \"parameters\": {\"retry_after\": 17}}")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(17));
      assertThat(e.getMessage()).isEqualTo("Telegram answered 429: Too Many Requests: retry after 17; retry after 17 s");
    });
  }

  @Test
  void theRetryAfterInTheBodyCountsWhenTheHeaderIsMissing() {
    long id = ticketWithChat("42");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\": false, \"error_code\": 429, \"description\": \"Too Many Requests: retry after 5\", \"parameters\": {\"retry_after\": 5}}")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
  }

  @Test
  void aServerErrorIsTemporary() {
    long id = ticketWithChat("42");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.retryAfter()).isNull();
      assertThat(e.getMessage()).isEqualTo("Telegram answered 502: Bad Gateway; will retry");
    });
  }

  @Test
  void aPermanent4xxFailsWithTelegramsDescription() {
    long id = ticketWithChat("42");
    botApi.stubFor(post("/bot123456:ABC-token/sendMessage").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ok\": false, \"error_code\": 403, \"description\": \"Forbidden: bot was blocked by the user\"}")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isTrue();
      assertThat(e.getMessage()).isEqualTo("Telegram answered 403: Forbidden: bot was blocked by the user");
    });
  }

  @Test
  void aTicketWithoutAChatFailsForGoodWithoutCallingTelegram() {
    long id = tickets.save(Ticket.open(new Customer("Dana", "dana@example.test", "en", false, null), "telegram", "x", "y",
        Priority.P3, Category.OTHER, 3, Instant.now())).id();

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.permanent()).isTrue());
    assertThat(botApi.getAllServeEvents()).isEmpty();
  }
}
