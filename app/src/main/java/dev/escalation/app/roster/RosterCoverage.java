package dev.escalation.app.roster;

import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RoutingProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * H1 on the roster: who can own each tier (and each tier 2 group) as routing picks owners
 * (OwnerSelector): the tier's role among the available members, else the fallback (a manager for
 * tiers 1 and 2, the head of support for tier 3), else nobody.
 */
@Component
class RosterCoverage {
  private final RoutingProperties routing;

  RosterCoverage(RoutingProperties routing) {
    this.routing = routing;
  }

  enum Cover { ROLE, FALLBACK, NOBODY }

  /** Each tier ("tier 1", "tier 2 billing", ..., "tier 3") and who covers it. */
  Map<String, Cover> of(List<RosterMember> roster) {
    Map<String, Cover> cover = new LinkedHashMap<>();
    cover.put("tier 1", cover(roster, Role.AGENT, null, Role.MANAGER));
    for (String group : new TreeSet<>(routing.skillGroups().values())) {
      cover.put("tier 2 " + group, cover(roster, Role.SPECIALIST, group, Role.MANAGER));
    }
    cover.put("tier 3", cover(roster, Role.MANAGER, null, Role.HEAD_OF_SUPPORT));
    return cover;
  }

  /** The tiers that had an owner before and have nobody after. */
  static List<String> lost(Map<String, Cover> before, Map<String, Cover> after) {
    List<String> lost = new ArrayList<>();
    after.forEach((tier, cover) -> {
      if (cover == Cover.NOBODY && before.getOrDefault(tier, Cover.NOBODY) != Cover.NOBODY) {
        lost.add(tier);
      }
    });
    return lost;
  }

  /** What an admin should know after a change: tiers only a fallback covers, or nobody. */
  static List<String> warnings(Map<String, Cover> after) {
    List<String> warnings = new ArrayList<>();
    after.forEach((tier, cover) -> {
      switch (cover) {
        case FALLBACK -> warnings.add(tier + ": no available " + roleOf(tier) + "; its tickets go to the "
            + (tier.equals("tier 3") ? "head of support" : "managers") + " (H1 fallback)");
        case NOBODY -> warnings.add(tier + ": nobody available can own its tickets; they stay unassigned and raise an incident (H1)");
        case ROLE -> { }
      }
    });
    return warnings;
  }

  private static String roleOf(String tier) {
    return tier.startsWith("tier 1") ? "agent" : tier.startsWith("tier 2") ? "specialist in " + tier.substring(7) : "manager";
  }

  private static Cover cover(List<RosterMember> roster, Role role, String group, Role fallback) {
    if (roster.stream().anyMatch(m -> m.available() && m.role() == role && (group == null || group.equals(m.skillGroup())))) {
      return Cover.ROLE;
    }
    return roster.stream().anyMatch(m -> m.available() && m.role() == fallback) ? Cover.FALLBACK : Cover.NOBODY;
  }
}
