package dev.escalation.workers.survey;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * M5 customer surveys, under {@code escalation.surveys}.
 *
 * @param askAfter which resolutions ask the customer: {@code ESCALATED} (default: tickets escalated at least once) or {@code ALL}
 * @param linkValidity how long a survey link can be answered (default 7 days)
 * @param linkBase the app's public address; links are {@code {linkBase}/survey/{token}}
 * @param signingSecret the HMAC-SHA256 key that signs the links (env SURVEY_SIGNING_SECRET); without one no survey is sent.
 *     Outside embedded mode the app refuses to start with the demo secret or one shorter than 32 characters.
 */
@ConfigurationProperties("escalation.surveys")
public record SurveyProperties(AskAfter askAfter, Duration linkValidity, URI linkBase, String signingSecret) {
  /** The secret embedded mode signs with; refused everywhere else. */
  public static final String DEMO_SECRET = "demo-survey-signing-secret-for-embedded-mode";
  /** The shortest secret accepted outside embedded mode. */
  public static final int MIN_SECRET_LENGTH = 32;

  public enum AskAfter { ESCALATED, ALL }

  public SurveyProperties {
    askAfter = askAfter == null ? AskAfter.ESCALATED : askAfter;
    linkValidity = linkValidity == null ? Duration.ofDays(7) : linkValidity;
    linkBase = linkBase == null ? URI.create("http://localhost:8080") : linkBase;
    if (linkValidity.isNegative() || linkValidity.isZero()) {
      throw new IllegalArgumentException("escalation.surveys.link-validity must be positive: " + linkValidity);
    }
  }

  public boolean canSign() {
    return signingSecret != null && !signingSecret.isBlank();
  }
}
