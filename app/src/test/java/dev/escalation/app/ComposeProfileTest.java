package dev.escalation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import dev.escalation.processes.TicketEscalation;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code compose} profile, which docker-compose.yml starts the app with.
 *
 * <p>The Spring context runs the app with that profile active against a real engine gateway: the
 * embedded runtime's initializer puts the in-memory engine's, MariaDB's and the SMTP server's
 * addresses first, so the profile's host names (which only resolve inside the compose network)
 * are overridden and everything else the profile brings must still let the app start, answer and
 * start its process. The remaining tests read application-compose.properties and
 * docker-compose.yml as files and check that the two agree.
 *
 * <p>This is a second context beside the end-to-end tests' one, on the same static engine,
 * database and mail server. It is closed after this class so that its job workers do not take
 * the end-to-end tests' jobs (they replace one worker on purpose), and the process instance it
 * starts is cancelled so that no timer of it fires when those tests move the engine's clock.
 */
@SpringBootTest(
    classes = {EscalationApplication.class, EmbeddedRuntimeConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("compose")
@ContextConfiguration(initializers = EmbeddedRuntimeInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ComposeProfileTest {
  private static final String COMPOSE_PROFILE_FILE = "application-compose.properties";

  @Autowired TestRestTemplate http;
  @Autowired ConfigurableEnvironment environment;
  @Autowired ZeebeTestEngine engine;
  @Autowired CamundaClient camunda;

  // application-compose.properties and docker-compose.yml, read as files (no context needed)
  private final Properties profile = load(COMPOSE_PROFILE_FILE);
  private final Map<String, Map<String, Object>> services = services(composeFile());

  @Test
  void theContextStartsWithTheComposeProfileReadFromItsOwnFile() {
    assertThat(environment.getActiveProfiles()).containsExactly("compose");
    assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
        .anyMatch(name -> name.contains(COMPOSE_PROFILE_FILE));
    // and the engine the app talks to is the real gateway of the in-memory engine
    assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://" + engine.getGatewayAddress());
  }

  @Test
  void readinessAndLivenessAreUp() {
    for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
      ResponseEntity<JsonNode> health = http.getForEntity(probe, JsonNode.class);
      assertThat(health.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(health.getBody().get("status").asText()).as(probe).isEqualTo("UP");
    }
  }

  @Test
  void theDeployedTicketEscalationProcessStartsForANewTicketAndItsWorkersRun() {
    ResponseEntity<JsonNode> created = http.withBasicAuth("head1", "demo").postForEntity("/api/tickets", Map.of(
        "customer", Map.of("name", "Casey Compose", "email", "compose-profile@example.com", "language", "en"),
        "channel", "web",
        "subject", "The compose profile starts",
        "description", "A ticket opened by ComposeProfileTest.",
        "priority", "P4",
        "category", "OTHER"), JsonNode.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/tickets/" + id);
    long processInstanceKey = created.getBody().get("processInstanceKey").asLong();
    assertThat(processInstanceKey).isPositive();
    try {
      await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
          .until(() -> engineStarted(TicketEscalation.PROCESS_ID, processInstanceKey));
      // the process's first job (assign-owner) was taken by a job worker and done
      await().atMost(Duration.ofSeconds(20))
          .until(() -> http.withBasicAuth("head1", "demo").getForObject("/api/tickets/" + id, JsonNode.class).get("owner").isObject());
    } finally {
      camunda.newCancelInstanceCommand(processInstanceKey).send().join();
    }
  }

  private boolean engineStarted(String bpmnProcessId, long processInstanceKey) {
    Iterable<Record<?>> records = engine.getRecordStreamSource().getRecords();
    return StreamSupport.stream(records.spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(v -> v.getProcessInstanceKey() == processInstanceKey && bpmnProcessId.equals(v.getBpmnProcessId()));
  }

  @Test
  void theProfileNamesTheServicesOfTheComposeFileAndTheirContainerPorts() {
    assertThat(services).containsKeys("camunda", "mariadb", "mailpit", "app");

    URI database = URI.create(profile.getProperty("spring.datasource.url").replaceFirst("^jdbc:", ""));
    assertThat(database.getScheme()).isEqualTo("mariadb");
    assertThat(database.getHost()).isEqualTo("mariadb");
    assertThat(database.getPort()).as("MariaDB's own port inside the compose network").isEqualTo(3306);
    assertThat(database.getPath()).isEqualTo("/" + variables("mariadb").get("MARIADB_DATABASE"));

    URI grpc = URI.create(profile.getProperty("camunda.client.grpc-address"));
    URI rest = URI.create(profile.getProperty("camunda.client.rest-address"));
    assertThat(grpc.getHost()).isEqualTo("camunda");
    assertThat(rest.getHost()).isEqualTo("camunda");
    // container ports, not the ports published on the host (REST: 8080 inside, 8088 outside)
    assertThat(containerPorts("camunda")).contains(grpc.getPort(), rest.getPort());
    assertThat(grpc.getPort()).isEqualTo(26500);
    assertThat(rest.getPort()).isEqualTo(8080);

    assertThat(profile.getProperty("spring.mail.host")).isEqualTo("mailpit");
    assertThat(containerPorts("mailpit")).contains(Integer.parseInt(profile.getProperty("spring.mail.port")));
  }

  @Test
  void theAppRunsWithTheComposeProfileAndTheDatabaseAccountMariaDbCreates() {
    Map<String, String> app = variables("app");
    assertThat(app).containsEntry("SPRING_PROFILES_ACTIVE", "compose");
    Map<String, String> mariadb = variables("mariadb");
    assertThat(app.get("ESCALATION_DB_USER")).isNotBlank().isEqualTo(mariadb.get("MARIADB_USER"));
    assertThat(app.get("ESCALATION_DB_PASSWORD")).isNotBlank().isEqualTo(mariadb.get("MARIADB_PASSWORD"));
    assertThat(services.get("app")).containsKey("build");
  }

  @Test
  void tasklistRunsInV1ModeForTheJobWorkerBasedUserTasks() {
    assertThat(variables("camunda")).containsEntry("CAMUNDA_TASKLIST_V2_MODE_ENABLED", "false");
  }

  @Test
  void everyServiceButTheAppHasAHealthCheckAndTheAppWaitsForTheEngineAndTheDatabase() {
    services.forEach((name, service) -> {
      if (!name.equals("app")) {
        assertThat(service).as(name).containsKey("healthcheck");
        Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
        assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
        assertThat(healthcheck.get("test")).as(name + " healthcheck test").isNotNull();
      }
    });
    Map<?, ?> dependsOn = (Map<?, ?>) services.get("app").get("depends_on");
    for (String dependency : List.of("camunda", "mariadb")) {
      Map<?, ?> condition = (Map<?, ?>) dependsOn.get(dependency);
      assertThat(condition).as("app depends on " + dependency).isNotNull();
      assertThat(condition.get("condition")).as(dependency).isEqualTo("service_healthy");
    }
  }

  /** A service's environment, written as a map or as a list of NAME=value. */
  private Map<String, String> variables(String service) {
    Object environment = services.get(service).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        variables.put(pair[0], pair.length == 2 ? pair[1] : null);
      }
    }
    return variables;
  }

  /** Container side of each port mapping: "8088:8080", "127.0.0.1:8088:8080/tcp", 8080 or the long form. */
  private List<Integer> containerPorts(String service) {
    List<Integer> ports = new ArrayList<>();
    Object declared = services.get(service).get("ports");
    if (declared instanceof List<?> list) {
      for (Object port : list) {
        if (port instanceof Map<?, ?> longForm) {
          ports.add(Integer.parseInt(String.valueOf(longForm.get("target"))));
        } else {
          String shortForm = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
          ports.add(Integer.parseInt(shortForm.substring(shortForm.lastIndexOf(':') + 1)));
        }
      }
    }
    return ports;
  }

  private static Properties load(String classpathResource) {
    try {
      return PropertiesLoaderUtils.loadProperties(new ClassPathResource(classpathResource));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + classpathResource, e);
    }
  }

  /** docker-compose.yml at the repository root, found from wherever the tests run. */
  private static Path composeFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docker-compose.yml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Path composeFile) {
    try (Reader reader = Files.newBufferedReader(composeFile)) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + composeFile, e);
    }
  }
}
