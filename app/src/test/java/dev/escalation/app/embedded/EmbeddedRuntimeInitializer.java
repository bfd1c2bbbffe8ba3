package dev.escalation.app.embedded;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts the embedded runtime and puts its addresses first among the app's properties. */
public class EmbeddedRuntimeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private final int smtpPort;

  public EmbeddedRuntimeInitializer() {
    this(0);
  }

  public EmbeddedRuntimeInitializer(int smtpPort) {
    this.smtpPort = smtpPort;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("embeddedRuntime", EmbeddedRuntime.start(smtpPort)));
  }
}
