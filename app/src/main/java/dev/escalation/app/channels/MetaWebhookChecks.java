package dev.escalation.app.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

  /** Whether {@code header} is the body's HMAC-SHA256 with {@code appSecret}. */
  static boolean signed(String appSecret, byte[] body, String header) {
    if (appSecret.isEmpty() || header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  /** The header Meta would send with {@code body}: for embedded mode's deliveries and the tests. */
  static String signature(String appSecret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
