package dev.escalation.app.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Beans that exist only in embedded mode: the engine-synced clock, the dev endpoints and the demo logins. */
@TestConfiguration(proxyBeanMethods = false)
@Import({DevClockController.class, DevMailboxController.class, DevChannelsController.class, DemoLogins.class})
public class EmbeddedRuntimeConfiguration {

  @Bean
  @Primary
  Clock engineClock() {
    return EmbeddedRuntime.clock();
  }

  @Bean
  ZeebeTestEngine zeebeTestEngine() {
    return EmbeddedRuntime.engine();
  }
}
