package dev.escalation.app.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sha256=<hex>} signature header that Meta ({@code X-Hub-Signature-256}), GitHub and Jira
 * Cloud put on webhook calls: HMAC-SHA256 of the raw body with the shared secret, compared in
 * constant time.
 */
public final class Sha256Signatures {
  private static final String PREFIX = "sha256=";

  private Sha256Signatures() {}

  /** Whether {@code header} is the body's signature with {@code secret}; never with an empty secret. */
  public static boolean matches(String secret, byte[] body, String header) {
    if (secret == null || secret.isEmpty() || header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    try {
      return MessageDigest.isEqual(hmac(secret, body), HexFormat.of().parseHex(header.substring(PREFIX.length())));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The header a provider would send with {@code body}: for embedded mode's deliveries and the tests. */
  public static String header(String secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
