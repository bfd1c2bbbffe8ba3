package dev.escalation.app.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.inbound.InboundMessages;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.inbound.InboundMessage.Attachment;
import dev.escalation.workers.inbound.InboundMessage.ThreadHint;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.telegram.TelegramProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * C1 on Telegram: the bot's webhook. Telegram sends the {@code secret_token} given to
 * {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}; anything else is refused with 401
 * before the body is read. {@code message} updates from private chats go to the inbound path
 * ({@code /start} opens the conversation like any first message); other updates are acknowledged
 * and ignored, so Telegram does not redeliver them.
 */
@RestController
class TelegramWebhook {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TelegramProperties properties;
  private final InboundMessages inbound;

  TelegramWebhook(TelegramProperties properties, InboundMessages inbound) {
    this.properties = properties;
    this.inbound = inbound;
  }

  @PostMapping("/api/channels/telegram/webhook")
  ResponseEntity<?> update(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @RequestBody(required = false) byte[] body) {
    if (properties.webhookSecret().isEmpty()) {
      return WebhookRefusal.unauthorized("telegram", "no secret is configured: set escalation.channels.telegram.webhook-secret"
          + " (env TELEGRAM_WEBHOOK_SECRET)");
    }
    if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        properties.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
      return WebhookRefusal.unauthorized("telegram", SECRET_HEADER + " is missing or not the configured secret");
    }
    JsonNode update;
    try {
      update = JSON.readTree(body == null ? new byte[0] : body);
    } catch (IOException e) {
      return ResponseEntity.badRequest().build();
    }
    JsonNode message = update == null ? null : update.get("message");
    if (message == null || !"private".equals(message.path("chat").path("type").asText())
        || message.path("from").path("is_bot").asBoolean(false)) {
      return ResponseEntity.ok(Map.of("status", "ignored"));
    }
    var result = inbound.receive(parse(message));
    return ResponseEntity.ok(Map.of("status", result.outcome().name()));
  }

  static InboundMessage parse(JsonNode message) {
    String chatId = message.path("chat").path("id").asText();
    JsonNode from = message.path("from");
    String name = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
    String text = message.hasNonNull("text") ? message.get("text").asText() : message.path("caption").asText("");
    if (text.equals("/start") || text.startsWith("/start ")) {
      text = "Started a conversation with the support bot.";
    }
    return new InboundMessage(Channel.TELEGRAM, chatId + ":" + message.path("message_id").asText(), chatId,
        name.isEmpty() ? from.path("username").asText("") : name, text, from.path("language_code").asText(null),
        attachments(message), ThreadHint.NONE, false);
  }

  private static List<Attachment> attachments(JsonNode message) {
    List<Attachment> attachments = new ArrayList<>();
    JsonNode document = message.get("document");
    if (document != null) {
      attachments.add(new Attachment(document.path("file_name").asText(null), document.path("mime_type").asText(null),
          document.path("file_size").asLong(0)));
    }
    JsonNode photo = message.get("photo");
    if (photo != null && photo.isArray() && !photo.isEmpty()) {
      // Telegram lists the sizes of one photo, the largest last
      attachments.add(new Attachment("photo.jpg", "image/jpeg", photo.get(photo.size() - 1).path("file_size").asLong(0)));
    }
    return attachments;
  }
}
