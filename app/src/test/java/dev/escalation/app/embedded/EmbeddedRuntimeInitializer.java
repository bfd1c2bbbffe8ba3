package dev.escalation.app.embedded;

import java.util.HashMap;
import java.util.Map;
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
    Map<String, Object> properties = new HashMap<>(EmbeddedRuntime.start(smtpPort));
    // embedded mode only (production-mode tests reuse the runtime's addresses): the live chat is on, its tokens
    // signed with the demo key (ChatTokens)
    properties.put("escalation.chat.enabled", "true");
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedRuntime", properties));
  }
}
