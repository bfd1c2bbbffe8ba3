package dev.escalation.app.security;

import dev.escalation.workers.roster.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At start, once the database is migrated: creates the bootstrap admin when asked to, and
 * refuses to start (outside embedded mode) when the demo password is configured or any login
 * still has it.
 */
@Component
class SecurityStartup implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(SecurityStartup.class);

  private final Accounts accounts;
  private final SecurityProperties properties;
  private final ObjectProvider<EmbeddedDemoMode> demoMode;
  private final Environment environment;

  SecurityStartup(Accounts accounts, SecurityProperties properties, ObjectProvider<EmbeddedDemoMode> demoMode, Environment environment) {
    this.accounts = accounts;
    this.properties = properties;
    this.demoMode = demoMode;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    bootstrapAdmin();
    if (demoMode.getIfAvailable() != null) {
      return;
    }
    if (PasswordPolicy.DEMO_PASSWORD.equals(environment.getProperty("spring.security.user.password"))) {
      throw new DemoPasswordRefused("spring.security.user.password is the demo password 'demo'");
    }
    List<String> demo = accounts.usersWithPassword(PasswordPolicy.DEMO_PASSWORD);
    if (!demo.isEmpty()) {
      throw new DemoPasswordRefused("these logins have the demo password 'demo': " + String.join(", ", demo)
          + ". Change their passwords (or disable them) in the app_user table, see docs/security.md");
    }
    if (!accounts.anyAdmin()) {
      log.warn("No enabled ADMIN login exists. Create the first one with ESCALATION_BOOTSTRAP_ADMIN_PASSWORD (see docs/security.md).");
    }
  }

  private void bootstrapAdmin() {
    String password = properties.bootstrapAdminPassword();
    if (password == null || password.isEmpty()) {
      return;
    }
    String problem = PasswordPolicy.problem(password);
    if (problem != null) {
      throw new DemoPasswordRefused("ESCALATION_BOOTSTRAP_ADMIN_PASSWORD (escalation.security.bootstrap-admin-password) " + problem);
    }
    String username = properties.bootstrapAdminUsername();
    if (accounts.createUser(username, password, Role.ADMIN)) {
      log.warn("Created the bootstrap admin '{}'. Remove ESCALATION_BOOTSTRAP_ADMIN_PASSWORD from the environment now;"
          + " it is not used again while that login exists.", username);
    } else {
      log.info("Bootstrap admin '{}' exists already; ESCALATION_BOOTSTRAP_ADMIN_PASSWORD is ignored.", username);
    }
  }

  /** Start-up refused: the message says what to change. */
  static final class DemoPasswordRefused extends IllegalStateException {
    DemoPasswordRefused(String reason) {
      super("Refusing to start: " + reason + ".");
    }
  }
}
