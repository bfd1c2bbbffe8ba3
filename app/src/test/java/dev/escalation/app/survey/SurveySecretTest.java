package dev.escalation.app.survey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.workers.survey.SurveyProperties;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Outside embedded mode the survey links' secret is never the demo one nor a short one (as ProductionModeTest starts the app). */
class SurveySecretTest {

  @Test
  void theProductionAppRefusesTheDemoSecretAndAShortOne() {
    assertThatThrownBy(() -> start(SurveyProperties.DEMO_SECRET).close())
        .hasMessageContaining("Refusing to start: SURVEY_SIGNING_SECRET (escalation.surveys.signing-secret) is embedded mode's demo secret");
    assertThatThrownBy(() -> start("only-twenty-characte").close())
        .hasMessageContaining("SURVEY_SIGNING_SECRET (escalation.surveys.signing-secret) must have at least 32 characters");
  }

  private static ConfigurableApplicationContext start(String secret) {
    Map<String, Object> runtime = new HashMap<>(EmbeddedRuntime.start(0));
    runtime.put("spring.datasource.url", EmbeddedMariaDb.jdbcUrl("escalation_survey_secret"));
    runtime.put("spring.flyway.locations", "classpath:db/migration");
    runtime.put("escalation.surveys.signing-secret", secret);
    return new SpringApplicationBuilder(EscalationApplication.class)
        .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("production", runtime)))
        .run("--server.port=0", "--camunda.client.worker.defaults.enabled=false", "--escalation.outbox.enabled=false");
  }
}
