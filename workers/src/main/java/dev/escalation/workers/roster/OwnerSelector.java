package dev.escalation.workers.roster;

import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.ticket.Category;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * H1: picks the owner for a tier by role (and skill group at tier 2): least loaded first, then
 * round-robin. When nobody at the tier is available, the tier's manager takes the ticket.
 */
@Component
public class OwnerSelector {
  private final RosterRepository roster;
  private final RoutingProperties routing;

  OwnerSelector(RosterRepository roster, RoutingProperties routing) {
    this.roster = roster;
    this.routing = routing;
  }

  public record Choice(RosterMember owner, boolean fallback, String reason) {}

  public Choice choose(int tier, Category category) {
    return choose(tier, category, null);
  }

  /** {@code targetGroup}: the tier 2 group the escalation criteria chose; null for the category's group. */
  public Choice choose(int tier, Category category, String targetGroup) {
    String group = tier == 2 ? (targetGroup != null ? targetGroup : routing.groupFor(category)) : null;
    Role role = roleFor(tier);
    List<RosterMember> candidates = roster.candidates(role.name(), group);
    if (!candidates.isEmpty()) {
      return new Choice(candidates.get(0), false, "least loaded " + describe(role, group));
    }
    Role fallbackRole = tier >= 3 ? Role.HEAD_OF_SUPPORT : Role.MANAGER;
    List<RosterMember> fallbacks = roster.candidates(fallbackRole.name(), null);
    if (!fallbacks.isEmpty()) {
      return new Choice(fallbacks.get(0), true,
          "no " + describe(role, group) + " available, so the tier's manager takes it");
    }
    throw new FixableFailure(
        "nobody on the roster can own tier " + tier + " tickets (" + describe(role, group) + ", nor a " + fallbackRole + ")",
        "make a roster member with role " + role + (group == null ? "" : " in group " + group) + " or " + fallbackRole + " available");
  }

  static Role roleFor(int tier) {
    return switch (tier) {
      case 1 -> Role.AGENT;
      case 2 -> Role.SPECIALIST;
      default -> Role.MANAGER;
    };
  }

  private static String describe(Role role, String group) {
    return role.name().toLowerCase().replace('_', ' ') + (group == null ? "" : " in " + group);
  }
}
