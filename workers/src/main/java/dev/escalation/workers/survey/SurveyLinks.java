package dev.escalation.workers.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * M5: survey links, signed so that nobody can answer a survey they were not sent, nor move its expiry.
 * A token is {@code {surveyId}.{expiry in epoch seconds}.{HMAC-SHA256 of both, base64url}}.
 */
@Component
public class SurveyLinks {
  private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([1-9][0-9]{0,11})\\.([A-Za-z0-9_-]{43})");

  private final SurveyProperties properties;

  SurveyLinks(SurveyProperties properties) {
    this.properties = properties;
  }

  /** What a genuine token says: the survey and when its link expires. */
  public record Signed(long surveyId, Instant expiresAt) {}

  String token(long surveyId, Instant expiresAt) {
    String payload = surveyId + "." + expiresAt.getEpochSecond();
    return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
  }

  String url(String token) {
    return properties.linkBase().toString().replaceAll("/+$", "") + "/survey/" + token;
  }

  /** The survey a token names, when it is well-formed and signed with this installation's secret. */
  public Optional<Signed> verify(String token) {
    if (token == null || !properties.canSign()) {
      return Optional.empty();
    }
    Matcher m = TOKEN.matcher(token);
    if (!m.matches()) {
      return Optional.empty();
    }
    String payload = m.group(1) + "." + m.group(2);
    byte[] given = Base64.getUrlDecoder().decode(m.group(3));
    if (!MessageDigest.isEqual(given, mac(payload))) {
      return Optional.empty();
    }
    return Optional.of(new Signed(Long.parseLong(m.group(1)), Instant.ofEpochSecond(Long.parseLong(m.group(2)))));
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(properties.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(("survey:" + payload).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
