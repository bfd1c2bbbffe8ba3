package dev.escalation.app.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.inbound.InboundMessages;
import dev.escalation.app.web.Sha256Signatures;
import dev.escalation.workers.inbound.InboundMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A delivery of one of Meta's webhooks (WhatsApp, Instagram), the same for both: refused with 401 and
 * nothing recorded unless {@code X-Hub-Signature-256} signs the raw body with the app secret; then each
 * customer message the channel's parser finds goes to the inbound path (C1), and the answer lists what
 * became of each.
 */
@Component
class MetaDeliveries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InboundMessages inbound;

  MetaDeliveries(InboundMessages inbound) {
    this.inbound = inbound;
  }

  ResponseEntity<?> receive(String channel, String appSecret, String signature, byte[] body,
      Function<JsonNode, List<InboundMessage>> messages) {
    byte[] raw = body == null ? new byte[0] : body;
    if (!Sha256Signatures.matches(appSecret, raw, signature)) {
      return WebhookRefusal.unauthorized(channel, appSecret.isEmpty()
          ? "no app secret is configured: set escalation.channels." + channel + ".app-secret (env "
              + channel.toUpperCase(Locale.ROOT) + "_APP_SECRET)"
          : MetaWebhookChecks.SIGNATURE_HEADER + " is missing or does not match the body signed with the app secret");
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(raw);
    } catch (IOException e) {
      return ResponseEntity.badRequest().build();
    }
    List<String> outcomes = new ArrayList<>();
    for (InboundMessage message : messages.apply(payload)) {
      outcomes.add(inbound.receive(message).outcome().name());
    }
    return ResponseEntity.ok(Map.of("received", outcomes));
  }
}
