package dev.escalation.app.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two checks of Meta's webhooks (WhatsApp Cloud API, Instagram messaging): the verification
 * handshake when the webhook is registered, and {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw
 * body with the app secret, {@code sha256=<hex>}) on every delivery. Both compare in constant time.
 */
final class MetaWebhookChecks {
  static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

  private MetaWebhookChecks() {}

  /** Answers {@code hub.challenge} as plain text when the mode is subscribe and the verify token matches; else 403. */
  static ResponseEntity<?> handshake(String channel, String verifyToken, String mode, String token, String challenge) {
    if (verifyToken.isEmpty() || !"subscribe".equals(mode) || token == null || challenge == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8))) {
      return WebhookRefusal.forbidden(channel, "verification handshake with a wrong hub.verify_token or hub.mode (or none configured)");
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
  }
}
