package dev.escalation.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.security.Accounts;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The app as it runs outside embedded mode (no EmbeddedRuntimeConfiguration, so no demo logins and
 * no dev endpoints), each start on a database of its own. Its engine address still points at the
 * embedded runtime, with workers off so that it takes no job from the end-to-end tests' context.
 */
class ProductionModeTest {
  private static final String ADMIN_PASSWORD = "a-long-operator-secret";

  @Test
  void noDefaultUsersNoDevEndpointsAndTheBootstrapAdminLogsIn() {
    try (ConfigurableApplicationContext app = start("escalation_production", "escalation.security.bootstrap-admin-password=" + ADMIN_PASSWORD)) {
      TicketApi admin = api(app).as("admin", ADMIN_PASSWORD);
      assertThat(admin.get("/api/roster").status()).isEqualTo(200);
      assertThat(admin.get("/api/admin/users").body().findValuesAsText("username")).containsExactly("admin");
      // the dev clock and mailbox do not exist
      assertThat(admin.post("/api/dev/clock", Map.of("advance", "PT16M")).status()).isEqualTo(404);
      assertThat(admin.get("/api/dev/mailbox").status()).isEqualTo(404);
      assertThat(admin.post("/api/dev/channels/telegram/inbound", Map.of("from", "42", "text", "hi")).status()).isEqualTo(404);
      // C1: no channel secret is configured, so every webhook delivery is refused
      assertThat(api(app).anonymous().postRaw("/api/channels/telegram/webhook", "{}",
          Map.of("X-Telegram-Bot-Api-Secret-Token", "")).status()).isEqualTo(401);
      // the live chat is off unless enabled (with its secret)
      assertThat(api(app).anonymous().get("/chat").status()).isEqualTo(404);
      assertThat(api(app).anonymous().post("/api/chat/conversations",
          Map.of("name", "Nobody", "email", "nobody@example.com", "message", "Hello")).status()).isEqualTo(404);
      // no demo login exists, and nothing answers without one
      for (String user : List.of("admin", "head1", "agent1", "manager1")) {
        assertThat(api(app).as(user, "demo").get("/api/roster").status()).as(user).isEqualTo(401);
      }
      assertThat(api(app).anonymous().get("/api/roster").status()).isEqualTo(401);
      assertThat(api(app).anonymous().get("/actuator/health").status()).isEqualTo(200);
    }
  }

  @Test
  void refusesToStartWhenALoginHasTheDemoPassword() {
    try (ConfigurableApplicationContext app = start("escalation_demo_user", "escalation.security.bootstrap-admin-password=" + ADMIN_PASSWORD)) {
      app.getBean(Accounts.class).createUser("admin2", "demo", Role.ADMIN);
    }
    assertThatThrownBy(() -> start("escalation_demo_user").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to start")
        .hasMessageContaining("these logins have the demo password 'demo': admin2");
  }

  @Test
  void refusesToStartWithTheDemoPasswordConfigured() {
    assertThatThrownBy(() -> start("escalation_demo_bootstrap", "escalation.security.bootstrap-admin-password=demo").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Refusing to start")
        .hasMessageContaining("ESCALATION_BOOTSTRAP_ADMIN_PASSWORD")
        .hasMessageContaining("must not be the demo password");
    assertThatThrownBy(() -> start("escalation_demo_bootstrap", "escalation.security.bootstrap-admin-password=short").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must have at least 12 characters");
    assertThatThrownBy(() -> start("escalation_demo_bootstrap", "spring.security.user.password=demo").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.security.user.password is the demo password");
  }

  private static TicketApi api(ConfigurableApplicationContext app) {
    return new TicketApi(((ServletWebServerApplicationContext) app).getWebServer().getPort());
  }

  /** The production app (only db/migration, no demo roster or logins) on its own database. */
  private static ConfigurableApplicationContext start(String database, String... properties) {
    Map<String, Object> runtime = new HashMap<>(EmbeddedRuntime.start(0));
    runtime.put("spring.datasource.url", EmbeddedMariaDb.jdbcUrl(database));
    runtime.put("spring.flyway.locations", "classpath:db/migration");
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.client.worker.defaults.enabled=false",
        "--escalation.outbox.enabled=false"));
    for (String p : properties) {
      args.add("--" + p);
    }
    return new SpringApplicationBuilder(EscalationApplication.class)
        .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("production", runtime)))
        .run(args.toArray(String[]::new));
  }
}
