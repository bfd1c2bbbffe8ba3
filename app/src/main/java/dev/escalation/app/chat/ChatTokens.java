package dev.escalation.app.chat;

import dev.escalation.app.security.EmbeddedDemoMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The conversation token: the customer's only credential for their chat. It names the chat (its public
 * id) and an expiry, signed with HMAC-SHA256: {@code <public id>.<expiry epoch seconds>.<signature, base64url>}.
 * Without the secret nobody can make one for another chat or stretch its expiry.
 */
@Component
class ChatTokens {
  /** Embedded mode's key; no other mode uses it. */
  static final String DEMO_SECRET = "demo-chat-token-secret-for-embedded-mode-only";
  private static final Pattern SHAPE = Pattern.compile("([0-9a-f-]{36})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

  private final byte[] key;
  private final Clock clock;
  private final ChatProperties properties;

  ChatTokens(ChatProperties properties, ObjectProvider<EmbeddedDemoMode> demoMode, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.key = key(properties, demoMode.getIfAvailable() != null).getBytes(StandardCharsets.UTF_8);
  }

  private static String key(ChatProperties properties, boolean embedded) {
    if (!properties.secret().isEmpty()) {
      if (!embedded && properties.secret().equals(DEMO_SECRET)) {
        throw new IllegalStateException("Refusing to start: CHAT_SECRET (escalation.chat.secret) is embedded mode's demo secret.");
      }
      if (properties.secret().length() < ChatProperties.MIN_SECRET_LENGTH) {
        throw new IllegalStateException("Refusing to start: CHAT_SECRET (escalation.chat.secret) must have at least "
            + ChatProperties.MIN_SECRET_LENGTH + " characters.");
      }
      return properties.secret();
    }
    if (embedded) {
      return DEMO_SECRET;
    }
    if (properties.enabled()) {
      throw new IllegalStateException("Refusing to start: the live chat is enabled (escalation.chat.enabled) but no secret"
          + " signs its conversation tokens: set CHAT_SECRET (escalation.chat.secret, at least "
          + ChatProperties.MIN_SECRET_LENGTH + " characters) or disable the chat.");
    }
    return ""; // the chat is off: no token is ever made or accepted
  }

  record Issued(String token, Instant expiresAt) {}

  Issued issue(String publicId) {
    Instant expiresAt = clock.instant().plus(properties.tokenValidity());
    String payload = publicId + "." + expiresAt.getEpochSecond();
    return new Issued(payload + "." + sign(payload), expiresAt);
  }

  /** The chat the token names, when it is well formed, signed with our key and not expired. */
  Optional<String> verify(String token) {
    if (token == null || key.length == 0) {
      return Optional.empty();
    }
    var match = SHAPE.matcher(token.strip());
    if (!match.matches()) {
      return Optional.empty();
    }
    String payload = match.group(1) + "." + match.group(2);
    boolean signed = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        match.group(3).getBytes(StandardCharsets.US_ASCII));
    boolean current = Long.parseLong(match.group(2)) > clock.instant().getEpochSecond();
    return signed && current ? Optional.of(match.group(1)) : Optional.empty();
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("chat:" + payload).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
