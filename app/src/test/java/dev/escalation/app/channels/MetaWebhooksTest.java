package dev.escalation.app.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.embedded.LocalMessagingProviders;
import dev.escalation.app.web.Sha256Signatures;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.notification.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C1/C2 on WhatsApp and Instagram end to end: Meta's handshake and signed deliveries, answers through the Graph API stand-in. */
@EmbeddedAppTest
class MetaWebhooksTest {
  private static final AtomicLong SENDERS = new AtomicLong(4915100000000L + System.nanoTime() % 1_000_000L);

  @LocalServerPort int port;
  @Autowired InboundLedger ledger;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  /** A text message as the Cloud API's messages webhook documents it. */
  static String whatsappMessage(String waId, String wamid, String text) {
    return """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
          "messaging_product": "whatsapp",
          "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
          "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "%s"}],
          "messages": [{"from": "%s", "id": "%s", "timestamp": "1749416383", "type": "text", "text": {"body": "%s"}}]},
          "field": "messages"}]}]}""".formatted(LocalMessagingProviders.WHATSAPP_PHONE_NUMBER_ID, waId, waId, wamid, text);
  }

  /** A status callback about a message the business sent. */
  static String whatsappStatus(String waId) {
    return """
        {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{"value": {
          "messaging_product": "whatsapp",
          "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
          "statuses": [{"id": "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "status": "delivered",
            "timestamp": "1750263773", "recipient_id": "%s"}]},
          "field": "messages"}]}]}""".formatted(LocalMessagingProviders.WHATSAPP_PHONE_NUMBER_ID, waId);
  }

  static String instagramMessage(String igsid, String mid, String text, boolean echo) {
    return """
        {"object": "instagram", "entry": [{"id": "%s", "time": 1569262486134, "messaging": [{
          "sender": {"id": "%s"}, "recipient": {"id": "%s"}, "timestamp": 1569262485349,
          "message": {"mid": "%s", "text": "%s"%s}}]}]}""".formatted(LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID, igsid,
        LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID, mid, text, echo ? ", \"is_echo\": true" : "");
  }

  private TicketApi.Response deliver(String channel, String body, String secret) {
    Map<String, String> headers = secret == null ? Map.of()
        : Map.of("X-Hub-Signature-256", Sha256Signatures.header(secret, body.getBytes(StandardCharsets.UTF_8)));
    return api.anonymous().postRaw("/api/channels/" + channel + "/webhook", body, headers);
  }

  private long rows(String channel, String sender) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE channel = ? AND sender = ?").params(channel, sender)
        .query(Long.class).single();
  }

  private HttpResponse<String> handshake(String channel, String query) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/channels/" + channel + "/webhook?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theVerificationHandshakeEchoesTheChallengeOnlyForTheConfiguredToken() throws Exception {
    var ok = handshake("whatsapp", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
        + LocalMessagingProviders.WHATSAPP_VERIFY_TOKEN);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("1158201444");
    assertThat(handshake("whatsapp", "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess").statusCode())
        .isEqualTo(403);
    assertThat(handshake("whatsapp", "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token="
        + LocalMessagingProviders.WHATSAPP_VERIFY_TOKEN).statusCode()).isEqualTo(403);
    var instagram = handshake("instagram", "hub.mode=subscribe&hub.challenge=42&hub.verify_token="
        + LocalMessagingProviders.INSTAGRAM_VERIFY_TOKEN);
    assertThat(instagram.statusCode()).isEqualTo(200);
    assertThat(instagram.body()).isEqualTo("42");
  }

  @Test
  void aWhatsAppMessageOpensATicketAndTheAnswerGoesOutAsTextWithinTheWindow() {
    String waId = Long.toString(SENDERS.incrementAndGet());
    var answer = deliver("whatsapp", whatsappMessage(waId, "wamid.open-" + waId, "Does it come in another color?"),
        LocalMessagingProviders.WHATSAPP_APP_SECRET);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("received").get(0).asText()).isEqualTo("OPENED");
    long id = ledger.find(Channel.WHATSAPP, "wamid.open-" + waId).orElseThrow().ticketId();
    assertThat(api.ticket(id).get("channel").asText()).isEqualTo("whatsapp");
    assertThat(api.ticket(id).get("customer").get("name").asText()).isEqualTo("Sheena Nelson");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").stream()
        .anyMatch(n -> "SENT".equals(n.get("status").asText())));
    JsonNode ack = api.notifications(id, "ACKNOWLEDGEMENT").get(0);
    assertThat(ack.get("channel").asText()).isEqualTo("WHATSAPP");
    EmbeddedRuntime.messaging().server().verify(1, postRequestedFor(
        urlEqualTo("/v21.0/" + LocalMessagingProviders.WHATSAPP_PHONE_NUMBER_ID + "/messages"))
        .withRequestBody(equalToJson("{\"messaging_product\": \"whatsapp\", \"recipient_type\": \"individual\", \"to\": \"" + waId
            + "\", \"type\": \"text\", \"text\": {\"preview_url\": false, \"body\": \"${json-unit.any-string}\"}}")));
  }

  @Test
  void aBadSignatureIsRefusedAndRecordsNothing() {
    String waId = Long.toString(SENDERS.incrementAndGet());
    String body = whatsappMessage(waId, "wamid.bad-" + waId, "Hello");

    var forged = deliver("whatsapp", body, "not-the-app-secret");
    var unsigned = deliver("whatsapp", body, null);
    var instagram = deliver("instagram", instagramMessage(waId, "mid.bad-" + waId, "Hello", false),
        LocalMessagingProviders.WHATSAPP_APP_SECRET);

    assertThat(forged.status()).isEqualTo(401);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(instagram.status()).as("signed with another app's secret").isEqualTo(401);
    assertThat(forged.body().get("detail").asText()).isEqualTo("the request is not authenticated");
    assertThat(rows("whatsapp", waId)).isZero();
    assertThat(rows("instagram", waId)).isZero();
  }

  @Test
  void aRedeliveryGivesOneMessageAndStatusCallbacksAndEchoesAreIgnored() {
    String waId = Long.toString(SENDERS.incrementAndGet());
    String body = whatsappMessage(waId, "wamid.twice-" + waId, "Where is my parcel?");

    assertThat(deliver("whatsapp", body, LocalMessagingProviders.WHATSAPP_APP_SECRET).body().get("received").get(0).asText())
        .isEqualTo("OPENED");
    assertThat(deliver("whatsapp", body, LocalMessagingProviders.WHATSAPP_APP_SECRET).body().get("received").get(0).asText())
        .isEqualTo("DUPLICATE");
    var status = deliver("whatsapp", whatsappStatus(waId), LocalMessagingProviders.WHATSAPP_APP_SECRET);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body().get("received")).isEmpty();
    assertThat(rows("whatsapp", waId)).isEqualTo(1);

    String igsid = Long.toString(SENDERS.incrementAndGet());
    String dm = instagramMessage(igsid, "mid.twice-" + igsid, "My order is late", false);
    assertThat(deliver("instagram", dm, LocalMessagingProviders.INSTAGRAM_APP_SECRET).body().get("received").get(0).asText())
        .isEqualTo("OPENED");
    assertThat(deliver("instagram", dm, LocalMessagingProviders.INSTAGRAM_APP_SECRET).body().get("received").get(0).asText())
        .isEqualTo("DUPLICATE");
    assertThat(deliver("instagram", instagramMessage(igsid, "mid.echo-" + igsid, "We are on it", true),
        LocalMessagingProviders.INSTAGRAM_APP_SECRET).body().get("received")).isEmpty();
    assertThat(rows("instagram", igsid)).isEqualTo(1);
    long id = ledger.find(Channel.INSTAGRAM, "mid.twice-" + igsid).orElseThrow().ticketId();
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").stream()
        .anyMatch(n -> "SENT".equals(n.get("status").asText())));
    EmbeddedRuntime.messaging().server().verify(1, postRequestedFor(
        urlEqualTo("/v21.0/" + LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID + "/messages"))
        .withRequestBody(equalToJson("{\"recipient\": {\"id\": \"" + igsid + "\"}, \"message\": {\"text\": \"${json-unit.any-string}\"}}")));
  }

  @Test
  void theDevEndpointDeliversThroughTheRealWebhookAndTheConversationWorksEndToEnd() {
    String chat = Long.toString(SENDERS.incrementAndGet());
    var first = api.post("/api/dev/channels/telegram/inbound", Map.of("from", chat, "name", "Tina", "text", "My invoice is wrong"));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("webhookAnswer").get("status").asText()).isEqualTo("OPENED");
    long id = jdbc.sql("SELECT ticket_id FROM inbound_message WHERE channel = 'telegram' AND sender = ?").param(chat)
        .query(Long.class).single();
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").stream()
        .anyMatch(n -> "SENT".equals(n.get("status").asText()) && "TELEGRAM".equals(n.get("channel").asText())));

    String waId = Long.toString(SENDERS.incrementAndGet());
    var whatsapp = api.post("/api/dev/channels/whatsapp/inbound", Map.of("from", waId, "name", "Wanda", "text", "Hello"));
    assertThat(whatsapp.body().get("webhookAnswer").get("received").get(0).asText()).isEqualTo("OPENED");

    assertThat(api.post("/api/dev/channels/fax/inbound", Map.of("from", "1", "text", "x")).status()).isEqualTo(404);
    var bad = api.post("/api/dev/channels/telegram/inbound", Map.of("from", "1", "text", " "));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().toString()).contains("text");
    assertThat(api.as("agent1").post("/api/dev/channels/telegram/inbound", Map.of("from", "1", "text", "x")).status())
        .isEqualTo(403);
  }
}
