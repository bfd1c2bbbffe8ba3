package dev.escalation.app.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.embedded.LocalMessagingProviders;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.notification.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C1/C2 on Telegram end to end: the webhook as Telegram calls it, and the answer through the Bot API stand-in. */
@EmbeddedAppTest
class TelegramWebhookTest {
  private static final AtomicLong CHATS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final String PATH = "/api/channels/telegram/webhook";

  @LocalServerPort int port;
  @Autowired InboundLedger ledger;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  /** A {@code message} update as the Bot API documents it. */
  static String update(long updateId, long chatId, long messageId, String text) {
    return """
        {"update_id": %d,
         "message": {"message_id": %d, "date": 1767225600,
           "from": {"id": %d, "is_bot": false, "first_name": "Tina", "last_name": "Telegram", "language_code": "en"},
           "chat": {"id": %d, "first_name": "Tina", "last_name": "Telegram", "type": "private"},
           "text": "%s"}}""".formatted(updateId, messageId, chatId, chatId, text);
  }

  private TicketApi.Response deliver(String body, String secret) {
    return api.anonymous().postRaw(PATH, body, secret == null ? Map.of() : Map.of(TelegramWebhook.SECRET_HEADER, secret));
  }

  private long tickets(long chat) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE channel = 'telegram' AND sender = ?").param(Long.toString(chat))
        .query(Long.class).single();
  }

  @Test
  void startOpensAConversationAndTheAcknowledgementGoesBackToTheChat() {
    long chat = CHATS.incrementAndGet();
    var answer = deliver(update(chat, chat, 1, "/start"), LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("status").asText()).isEqualTo("OPENED");
    long id = ledger.find(Channel.TELEGRAM, chat + ":1").orElseThrow().ticketId();
    assertThat(api.ticket(id).get("channel").asText()).isEqualTo("telegram");
    assertThat(api.ticket(id).get("customer").get("name").asText()).isEqualTo("Tina Telegram");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").stream()
        .anyMatch(n -> "SENT".equals(n.get("status").asText())));
    assertThat(api.notifications(id, "ACKNOWLEDGEMENT").get(0).get("channel").asText()).isEqualTo("TELEGRAM");
    EmbeddedRuntime.messaging().server().verify(1, postRequestedFor(
        urlEqualTo("/bot" + LocalMessagingProviders.TELEGRAM_BOT_TOKEN + "/sendMessage"))
        .withRequestBody(equalToJson("{\"chat_id\": \"" + chat + "\", \"text\": \"${json-unit.any-string}\"}")));

    var next = deliver(update(chat + 1, chat, 2, "The invoice address is wrong"), LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET);
    assertThat(next.body().get("status").asText()).isEqualTo("THREADED");
    assertThat(api.get("/api/tickets/" + id + "/messages").body().get(0).get("body").asText()).isEqualTo("The invoice address is wrong");
  }

  @Test
  void aRedeliveredUpdateGivesOneMessage() {
    long chat = CHATS.incrementAndGet();
    String body = update(chat, chat, 1, "Where is my refund?");

    assertThat(deliver(body, LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET).body().get("status").asText()).isEqualTo("OPENED");
    assertThat(deliver(body, LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET).body().get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(tickets(chat)).isEqualTo(1);
  }

  @Test
  void aMissingOrWrongSecretIsRefusedAndRecordsNothing() {
    long chat = CHATS.incrementAndGet();
    String body = update(chat, chat, 1, "Hello");

    var wrong = deliver(body, "embedded-telegram-secreT");
    var missing = deliver(body, null);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().get("detail").asText()).isEqualTo("the request is not authenticated");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(tickets(chat)).isZero();
    assertThat(ledger.find(Channel.TELEGRAM, chat + ":1")).isEmpty();
  }

  @Test
  void updatesOtherThanPrivateMessagesAreAcknowledgedAndIgnored() {
    long chat = CHATS.incrementAndGet();
    String edited = update(chat, chat, 1, "edited").replace("\"message\"", "\"edited_message\"");
    String group = update(chat + 1, chat, 2, "in a group").replace("\"type\": \"private\"", "\"type\": \"group\"");

    assertThat(deliver(edited, LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET).body().get("status").asText()).isEqualTo("ignored");
    assertThat(deliver(group, LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET).body().get("status").asText()).isEqualTo("ignored");
    assertThat(tickets(chat)).isZero();
  }
}
