package dev.escalation.app.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.escalation.app.web.Sha256Signatures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Embedded mode only (the route is absent elsewhere): delivers a customer's message as the
 * provider would, as its documented webhook payload with its secret or signature, through the real
 * webhook path over HTTP. What the app answers goes to {@link LocalMessagingProviders}.
 */
@RestController
@TestComponent // imported by EmbeddedRuntimeConfiguration only, never picked up by a component scan
class DevChannelsController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong TELEGRAM_IDS = new AtomicLong(System.currentTimeMillis() / 1000);

  private final Environment environment;
  private final Clock clock;

  DevChannelsController(Environment environment, Clock clock) {
    this.environment = environment;
    this.clock = clock;
  }

  record Inbound(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z_.+-]+", message = "must be a chat id, phone number or scoped id") String from,
      @Size(max = 200) String name,
      @NotBlank @Size(max = 4096) String text) {}

  @PostMapping("/api/dev/channels/{channel}/inbound")
  ResponseEntity<?> inbound(@PathVariable String channel, @Valid @RequestBody Inbound request) throws IOException, InterruptedException {
    String name = request.name() == null || request.name().isBlank() ? request.from() : request.name().strip();
    long now = clock.instant().getEpochSecond();
    return switch (channel) {
      case "telegram" -> deliver(channel, telegram(request, name, now),
          Map.of("X-Telegram-Bot-Api-Secret-Token", LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET));
      case "whatsapp" -> signed(channel, whatsapp(request, name, now), LocalMessagingProviders.WHATSAPP_APP_SECRET);
      case "instagram" -> signed(channel, instagram(request, now), LocalMessagingProviders.INSTAGRAM_APP_SECRET);
      default -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "no messaging channel '" + channel + "': use telegram, whatsapp or instagram"));
    };
  }

  private static String telegram(Inbound request, String name, long now) {
    long id = TELEGRAM_IDS.incrementAndGet();
    ObjectNode update = JSON.createObjectNode().put("update_id", id);
    ObjectNode message = update.putObject("message").put("message_id", id).put("date", now).put("text", request.text());
    message.putObject("from").put("id", request.from()).put("is_bot", false).put("first_name", name);
    message.putObject("chat").put("id", request.from()).put("first_name", name).put("type", "private");
    return update.toString();
  }

  private static String whatsapp(Inbound request, String name, long now) {
    ObjectNode payload = JSON.createObjectNode().put("object", "whatsapp_business_account");
    ObjectNode change = payload.putArray("entry").addObject().put("id", "100000000000000").putArray("changes").addObject()
        .put("field", "messages");
    ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
    value.putObject("metadata").put("display_phone_number", "15550000001")
        .put("phone_number_id", LocalMessagingProviders.WHATSAPP_PHONE_NUMBER_ID);
    value.putArray("contacts").addObject().put("wa_id", request.from()).putObject("profile").put("name", name);
    ObjectNode message = value.putArray("messages").addObject().put("from", request.from())
        .put("id", "wamid.dev-" + UUID.randomUUID()).put("timestamp", Long.toString(now)).put("type", "text");
    message.putObject("text").put("body", request.text());
    return payload.toString();
  }

  private static String instagram(Inbound request, long now) {
    ObjectNode payload = JSON.createObjectNode().put("object", "instagram");
    ObjectNode entry = payload.putArray("entry").addObject().put("id", LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID)
        .put("time", now * 1000);
    ArrayNode messaging = entry.putArray("messaging");
    ObjectNode event = messaging.addObject().put("timestamp", now * 1000);
    event.putObject("sender").put("id", request.from());
    event.putObject("recipient").put("id", LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID);
    event.putObject("message").put("mid", "dev-" + UUID.randomUUID()).put("text", request.text());
    return payload.toString();
  }

  private ResponseEntity<?> signed(String channel, String body, String appSecret) throws IOException, InterruptedException {
    return deliver(channel, body, Map.of("X-Hub-Signature-256", Sha256Signatures.header(appSecret, body.getBytes(StandardCharsets.UTF_8))));
  }

  private ResponseEntity<?> deliver(String channel, String body, Map<String, String> headers) throws IOException, InterruptedException {
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/channels/" + channel + "/webhook"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode webhookAnswer = answer.body().isBlank() ? null : JSON.readTree(answer.body());
    ObjectNode result = JSON.createObjectNode().put("webhookStatus", answer.statusCode());
    result.set("webhookAnswer", webhookAnswer);
    result.set("delivered", JSON.readTree(body));
    return ResponseEntity.status(answer.statusCode() == 200 ? 200 : 502).body(result);
  }

}
