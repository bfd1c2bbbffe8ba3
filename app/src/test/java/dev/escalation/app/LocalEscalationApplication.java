package dev.escalation.app;

import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import dev.escalation.workers.survey.SurveyProperties;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded mode: the app with an in-memory Zeebe engine, an embedded MariaDB and a local SMTP
 * server (port 3025), the processes deployed and a demo roster seeded. Started by
 * {@code ./mvnw -pl app -am spring-boot:test-run}; never part of the production jar.
 */
public class LocalEscalationApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(EscalationApplication.class, EmbeddedRuntimeConfiguration.class)
        .initializers(new EmbeddedRuntimeInitializer(3025),
            // embedded mode signs survey links with the demo secret, which every other mode refuses (SurveySecretCheck)
            context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedSurveys",
                Map.of("escalation.surveys.signing-secret", SurveyProperties.DEMO_SECRET))))
        .profiles("embedded")
        .run(args);
  }
}
