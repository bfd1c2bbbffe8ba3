package dev.escalation.workers.roster;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who someone is to the escalation engine: the role of a roster member and of a login or API token
 * alike (docs/security.md has the rules per role). The four support roles are on the roster; an
 * ADMIN runs the installation and is a login only, never on the roster.
 */
public enum Role {
  AGENT,
  SPECIALIST,
  MANAGER,
  HEAD_OF_SUPPORT,
  ADMIN;

  /** Support staff: on the roster, work tickets. */
  public static final Set<Role> STAFF = Set.copyOf(EnumSet.of(AGENT, SPECIALIST, MANAGER, HEAD_OF_SUPPORT));
  /** May act on any ticket, whoever owns it ("that tier's manager or above"). */
  public static final Set<Role> SUPERVISORS = Set.copyOf(EnumSet.of(MANAGER, HEAD_OF_SUPPORT));

  public boolean isStaff() {
    return STAFF.contains(this);
  }

  public boolean isSupervisor() {
    return SUPERVISORS.contains(this);
  }
}
