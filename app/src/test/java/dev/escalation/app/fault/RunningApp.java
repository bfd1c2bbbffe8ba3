package dev.escalation.app.fault;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app started and stopped by hand, outside the test framework, on the JVM's embedded runtime:
 * a test can close it and start a new one on the same engine and database, as after a redeploy.
 */
final class RunningApp implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  private RunningApp(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts the app; {@code extraSources} and {@code properties} ({@code name=value}) come on top of embedded mode. */
  static RunningApp start(List<Class<?>> extraSources, String... properties) {
    List<Class<?>> sources = new ArrayList<>(List.of(EscalationApplication.class, EmbeddedRuntimeConfiguration.class));
    sources.addAll(extraSources);
    List<String> props = new ArrayList<>(List.of("server.port=0", "escalation.outbox.poll-interval=PT0.2S"));
    props.addAll(List.of(properties));
    // as command-line arguments: they win over application.properties (server.port=${PORT:8080})
    return new RunningApp(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .initializers(new EmbeddedRuntimeInitializer())
        .run(props.stream().map(p -> "--" + p).toArray(String[]::new)));
  }

  int port() {
    return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  boolean hasBean(Class<?> type) {
    return context.getBeanNamesForType(type).length > 0;
  }

  @Override
  public void close() {
    context.close();
  }
}
