package dev.escalation.workers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.messaging.PlainText;
import dev.escalation.workers.messaging.ProviderHttp;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C2: a ticket's notices to its Telegram chat, through the Bot API's {@code sendMessage}, as plain
 * text (no {@code parse_mode}) within 4096 characters. The chat is the one the customer wrote from.
 * Telegram has no idempotency key: a delivery retried after a lost answer can arrive twice.
 */
@Component
class TelegramChannelAdapter implements ChannelAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TelegramProperties properties;
  private final Conversations conversations;

  TelegramChannelAdapter(TelegramProperties properties, Conversations conversations) {
    this.properties = properties;
    this.conversations = conversations;
  }

  @Override
  public Channel channel() {
    return Channel.TELEGRAM;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    if (properties.botToken().isEmpty()) {
      throw DeliveryException.temporary("no Telegram bot configured: set escalation.channels.telegram.bot-token"
          + " (env TELEGRAM_BOT_TOKEN)", null);
    }
    String chatId = conversations.of(notification.ticketId(), Channel.TELEGRAM)
        .orElseThrow(() -> DeliveryException.permanent("ticket " + notification.ticketId()
            + " has no Telegram chat: the customer never wrote to the bot, so there is nobody to send to", null))
        .address();
    ObjectNode body = JSON.createObjectNode();
    body.put("chat_id", chatId);
    body.put("text", PlainText.fit(notification.subject(), notification.body(), TelegramProperties.TEXT_LIMIT));
    URI uri = URI.create(properties.apiBaseUrl().toString().replaceAll("/+$", "") + "/bot" + properties.botToken() + "/sendMessage");
    ProviderHttp.post("Telegram", uri, Map.of(), body.toString(), properties.timeout(),
        TelegramChannelAdapter::description, TelegramChannelAdapter::retryAfter);
  }

  /** A refused call's answer: {@code {"ok": false, "error_code": 400, "description": "Bad Request: chat not found"}}. */
  private static String description(String body) {
    return read(body).map(json -> json.path("description").asText(body)).orElse(body);
  }

  /** A 429's answer carries {@code "parameters": {"retry_after": seconds}}. */
  private static Optional<Duration> retryAfter(String body) {
    return read(body).map(json -> json.path("parameters").path("retry_after"))
        .filter(JsonNode::canConvertToLong)
        .map(seconds -> Duration.ofSeconds(seconds.asLong()));
  }

  private static Optional<JsonNode> read(String body) {
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
