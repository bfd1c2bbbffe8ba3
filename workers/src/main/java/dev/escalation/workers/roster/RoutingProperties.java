package dev.escalation.workers.roster;

import dev.escalation.workers.ticket.Category;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which tier 2 specialist group takes which ticket category (functional escalation, H3). */
@ConfigurationProperties("escalation.routing")
public record RoutingProperties(Map<Category, String> skillGroups) {
  public RoutingProperties {
    Map<Category, String> groups = new EnumMap<>(Category.class);
    groups.put(Category.BILLING, "billing");
    groups.put(Category.ACCOUNT, "billing");
    groups.put(Category.TECHNICAL, "technical");
    groups.put(Category.SECURITY, "security-privacy");
    groups.put(Category.OTHER, "technical");
    if (skillGroups != null) {
      groups.putAll(skillGroups);
    }
    skillGroups = Map.copyOf(groups);
  }

  public String groupFor(Category category) {
    return skillGroups.get(category);
  }
}
