package dev.escalation.workers.testsupport;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at a fresh database on the shared embedded MariaDB. */
public class EmbeddedMariaDbInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String url = EmbeddedMariaDb.jdbcUrl("escalation_test_" + DATABASES.incrementAndGet());
    TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + EmbeddedMariaDb.username(),
            "spring.datasource.password=" + EmbeddedMariaDb.password())
        .applyTo(context.getEnvironment());
  }
}
