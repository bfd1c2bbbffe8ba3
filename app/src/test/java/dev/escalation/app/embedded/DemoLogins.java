package dev.escalation.app.embedded;

import dev.escalation.app.security.Accounts;
import dev.escalation.app.security.EmbeddedDemoMode;
import dev.escalation.workers.roster.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Embedded mode only: a login for each member of the demo roster and an {@code admin}, all with
 * the password {@code demo}. Its presence (it is an {@link EmbeddedDemoMode}) is what allows the
 * demo password; the production jar has no such bean and refuses to start with it.
 */
public class DemoLogins implements EmbeddedDemoMode, SmartInitializingSingleton {
  public static final String PASSWORD = "demo";
  /** Username → role, in the order the log lists them. */
  public static final Map<String, Role> LOGINS = logins();
  private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);

  private final Accounts accounts;

  DemoLogins(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void afterSingletonsInstantiated() {
    LOGINS.forEach((username, role) -> accounts.createUser(username, PASSWORD, role));
    log.warn("Embedded mode: demo logins {} and admin, all with the password '{}' (form login at /login,"
        + " HTTP Basic on the API). Never use them outside embedded mode: any other mode refuses to start with them.",
        String.join(", ", LOGINS.keySet().stream().filter(u -> !u.equals("admin")).toList()), PASSWORD);
  }

  private static Map<String, Role> logins() {
    Map<String, Role> logins = new LinkedHashMap<>();
    logins.put("agent1", Role.AGENT);
    logins.put("agent2", Role.AGENT);
    logins.put("billing1", Role.SPECIALIST);
    logins.put("tech1", Role.SPECIALIST);
    logins.put("privacy1", Role.SPECIALIST);
    logins.put("manager1", Role.MANAGER);
    logins.put("manager2", Role.MANAGER);
    logins.put("head1", Role.HEAD_OF_SUPPORT);
    logins.put("admin", Role.ADMIN);
    return java.util.Collections.unmodifiableMap(logins);
  }
}
