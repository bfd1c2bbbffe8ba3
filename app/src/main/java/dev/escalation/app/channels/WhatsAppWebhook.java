package dev.escalation.app.channels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.inbound.InboundMessage.Attachment;
import dev.escalation.workers.inbound.InboundMessage.ThreadHint;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.whatsapp.WhatsAppProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * C1 on WhatsApp: the Cloud API's webhook. {@code GET} answers the verification handshake;
 * every {@code POST} must carry a valid {@code X-Hub-Signature-256} or is refused with 401 and
 * nothing recorded. Each customer message of a delivery goes to the inbound path (several may come
 * in one delivery); status callbacks about our own messages (sent, delivered, read, failed) and
 * other fields are acknowledged and ignored, so Meta does not redeliver them.
 */
@RestController
class WhatsAppWebhook {
  private final WhatsAppProperties properties;
  private final MetaDeliveries deliveries;

  WhatsAppWebhook(WhatsAppProperties properties, MetaDeliveries deliveries) {
    this.properties = properties;
    this.deliveries = deliveries;
  }

  @GetMapping("/api/channels/whatsapp/webhook")
  ResponseEntity<?> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.verify_token", required = false) String token,
      @RequestParam(name = "hub.challenge", required = false) String challenge) {
    return MetaWebhookChecks.handshake("whatsapp", properties.verifyToken(), mode, token, challenge);
  }

  @PostMapping("/api/channels/whatsapp/webhook")
  ResponseEntity<?> delivery(@RequestHeader(name = MetaWebhookChecks.SIGNATURE_HEADER, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    return deliveries.receive("whatsapp", properties.appSecret(), signature, body, WhatsAppWebhook::messages);
  }

  static List<InboundMessage> messages(JsonNode payload) {
    List<InboundMessage> messages = new ArrayList<>();
    if (payload == null || !"whatsapp_business_account".equals(payload.path("object").asText())) {
      return messages;
    }
    for (JsonNode entry : payload.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        if (!"messages".equals(change.path("field").asText())) {
          continue;
        }
        JsonNode value = change.path("value");
        for (JsonNode message : value.path("messages")) {
          String from = message.path("from").asText("");
          if (from.isBlank() || message.path("id").asText("").isBlank()) {
            continue;
          }
          messages.add(new InboundMessage(Channel.WHATSAPP, message.path("id").asText(), from, name(value, from),
              text(message), null, attachments(message), ThreadHint.NONE, false));
        }
      }
    }
    return messages;
  }

  private static String name(JsonNode value, String waId) {
    for (JsonNode contact : value.path("contacts")) {
      if (waId.equals(contact.path("wa_id").asText())) {
        return contact.path("profile").path("name").asText("");
      }
    }
    return "";
  }

  private static String text(JsonNode message) {
    String type = message.path("type").asText();
    return switch (type) {
      case "text" -> message.path("text").path("body").asText("");
      case "image", "video", "document", "audio", "sticker" -> message.path(type).path("caption").asText("");
      case "button" -> message.path("button").path("text").asText("");
      default -> "(a WhatsApp message of type " + type + ")";
    };
  }

  private static List<Attachment> attachments(JsonNode message) {
    String type = message.path("type").asText();
    JsonNode media = message.get(type);
    if (media == null || !List.of("image", "video", "document", "audio", "sticker").contains(type)) {
      return List.of();
    }
    // the webhook names the media's type but not its size; the size is fetched only with the media itself
    return List.of(new Attachment(media.path("filename").asText(type), media.path("mime_type").asText(null), 0));
  }
}
