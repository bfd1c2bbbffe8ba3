package dev.escalation.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The app as it runs outside embedded mode (no EmbeddedRuntimeConfiguration): the dev endpoints do
 * not exist. Its addresses still point at the embedded runtime, with workers off so that this
 * context takes no job from the end-to-end tests' context.
 */
@SpringBootTest(
    classes = EscalationApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.client.worker.defaults.enabled=false", "escalation.outbox.enabled=false"})
@ContextConfiguration(initializers = EmbeddedRuntimeInitializer.class)
@DirtiesContext
class ProductionModeTest {
  @Autowired TestRestTemplate http;

  @Test
  void theDevClockAndMailboxDoNotExist() {
    var clock = http.postForEntity("/api/dev/clock", java.util.Map.of("advance", "PT16M"), String.class);
    assertThat(clock.getStatusCode().value()).isEqualTo(404);
    assertThat(http.getForEntity("/api/dev/mailbox", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(http.getForEntity("/api/roster", String.class).getStatusCode().value()).isEqualTo(200);
  }
}
