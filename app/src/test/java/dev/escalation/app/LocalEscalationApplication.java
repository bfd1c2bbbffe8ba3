package dev.escalation.app;

import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Embedded mode: the app with an in-memory Zeebe engine, an embedded MariaDB and a local SMTP
 * server (port 3025), the processes deployed and a demo roster seeded. Started by
 * {@code ./mvnw -pl app -am spring-boot:test-run}; never part of the production jar.
 */
public class LocalEscalationApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(EscalationApplication.class, EmbeddedRuntimeConfiguration.class)
        .initializers(new EmbeddedRuntimeInitializer(3025))
        .profiles("embedded")
        .run(args);
  }
}
