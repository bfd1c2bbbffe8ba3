package dev.escalation.workers;

import dev.escalation.workers.sla.SlaCalculator;
import dev.escalation.workers.sla.SlaProperties;
import dev.escalation.workers.sla.SupportCalendars;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@EnableScheduling
public class WorkersConfiguration {

  /** The one source of time. Embedded mode replaces it with a clock that moves with the engine's. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SlaCalculator slaCalculator(SlaProperties properties, SupportCalendars calendars) {
    return new SlaCalculator(properties, calendars);
  }
}
