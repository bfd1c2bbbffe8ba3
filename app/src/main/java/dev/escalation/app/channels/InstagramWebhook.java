package dev.escalation.app.channels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.inbound.InboundMessage.Attachment;
import dev.escalation.workers.inbound.InboundMessage.ThreadHint;
import dev.escalation.workers.instagram.InstagramProperties;
import dev.escalation.workers.notification.Channel;
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
 * C1 on Instagram: Meta's messaging webhook for direct messages. {@code GET} answers the
 * verification handshake; every {@code POST} must carry a valid {@code X-Hub-Signature-256}.
 * Customers' messages go to the inbound path; echoes of the account's own messages, reads,
 * reactions and other events are acknowledged and ignored.
 */
@RestController
class InstagramWebhook {
  private final InstagramProperties properties;
  private final MetaDeliveries deliveries;

  InstagramWebhook(InstagramProperties properties, MetaDeliveries deliveries) {
    this.properties = properties;
    this.deliveries = deliveries;
  }

  @GetMapping("/api/channels/instagram/webhook")
  ResponseEntity<?> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
      @RequestParam(name = "hub.verify_token", required = false) String token,
      @RequestParam(name = "hub.challenge", required = false) String challenge) {
    return MetaWebhookChecks.handshake("instagram", properties.verifyToken(), mode, token, challenge);
  }

  @PostMapping("/api/channels/instagram/webhook")
  ResponseEntity<?> delivery(@RequestHeader(name = MetaWebhookChecks.SIGNATURE_HEADER, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    return deliveries.receive("instagram", properties.appSecret(), signature, body, InstagramWebhook::messages);
  }

  static List<InboundMessage> messages(JsonNode payload) {
    List<InboundMessage> messages = new ArrayList<>();
    if (payload == null || !"instagram".equals(payload.path("object").asText())) {
      return messages;
    }
    for (JsonNode entry : payload.path("entry")) {
      for (JsonNode event : entry.path("messaging")) {
        JsonNode message = event.get("message");
        if (message == null || message.path("is_echo").asBoolean(false) || message.path("is_deleted").asBoolean(false)
            || message.path("mid").asText("").isBlank() || event.path("sender").path("id").asText("").isBlank()) {
          continue;
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
          // the webhook gives a media URL and its kind, not a file name or size
          attachments.add(new Attachment(attachment.path("type").asText("file"), kind(attachment.path("type").asText()), 0));
        }
        messages.add(new InboundMessage(Channel.INSTAGRAM, message.path("mid").asText(), event.path("sender").path("id").asText(),
            "", message.path("text").asText(""), null, attachments, ThreadHint.NONE, false));
      }
    }
    return messages;
  }

  private static String kind(String type) {
    return switch (type) {
      case "image" -> "image/*";
      case "video" -> "video/*";
      case "audio" -> "audio/*";
      default -> "application/octet-stream";
    };
  }
}
