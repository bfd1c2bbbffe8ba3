package dev.escalation.workers.sla;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * S1: the plans a customer can have ({@code escalation.sla.plans.*}), an input of the SLA policy table.
 * A ticket opened without a plan counts as the default plan.
 */
@ConfigurationProperties(prefix = "escalation.sla.plans")
public record CustomerPlans(List<String> names, String defaultPlan) {
  public static final List<String> DEFAULT_NAMES = List.of("FREE", "STANDARD", "PREMIUM", "ENTERPRISE");
  public static final String DEFAULT_PLAN = "STANDARD";

  public CustomerPlans {
    names = names == null || names.isEmpty() ? DEFAULT_NAMES
        : names.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).toList();
    defaultPlan = defaultPlan == null || defaultPlan.isBlank() ? DEFAULT_PLAN : defaultPlan.strip().toUpperCase(Locale.ROOT);
    if (!names.contains(defaultPlan)) {
      throw new IllegalArgumentException("escalation.sla.plans.default-plan " + defaultPlan + " is not one of " + names);
    }
  }

  public static CustomerPlans defaults() {
    return new CustomerPlans(null, null);
  }

  /** Whether {@code plan} names a configured plan (exactly, in capitals). */
  public boolean isKnown(String plan) {
    return names.contains(plan);
  }

  /** The plan the SLA policy sees: the ticket's own, or the default when it has none. */
  public String planOrDefault(String plan) {
    return plan == null ? defaultPlan : plan;
  }
}
