package dev.escalation.app.survey;

import dev.escalation.app.security.EmbeddedDemoMode;
import dev.escalation.workers.survey.SurveyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Outside embedded mode the survey links' signing secret is never the demo one nor a short one: anybody who
 * knows it could answer any customer's survey. Without a secret the app starts and sends no surveys.
 */
@Component
class SurveySecretCheck implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(SurveySecretCheck.class);

  private final SurveyProperties properties;
  private final ObjectProvider<EmbeddedDemoMode> demoMode;

  SurveySecretCheck(SurveyProperties properties, ObjectProvider<EmbeddedDemoMode> demoMode) {
    this.properties = properties;
    this.demoMode = demoMode;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (demoMode.getIfAvailable() != null) {
      return;
    }
    if (!properties.canSign()) {
      log.warn("SURVEY_SIGNING_SECRET (escalation.surveys.signing-secret) is not set: no customer surveys are sent (M5).");
      return;
    }
    if (properties.signingSecret().equals(SurveyProperties.DEMO_SECRET)) {
      throw new SecretRefused("SURVEY_SIGNING_SECRET (escalation.surveys.signing-secret) is embedded mode's demo secret");
    }
    if (properties.signingSecret().length() < SurveyProperties.MIN_SECRET_LENGTH) {
      throw new SecretRefused("SURVEY_SIGNING_SECRET (escalation.surveys.signing-secret) must have at least "
          + SurveyProperties.MIN_SECRET_LENGTH + " characters");
    }
  }

  /** Start-up refused: the message says what to change. */
  static final class SecretRefused extends IllegalStateException {
    SecretRefused(String reason) {
      super("Refusing to start: " + reason + ".");
    }
  }
}
