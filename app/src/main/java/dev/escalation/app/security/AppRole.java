package dev.escalation.app.security;

import java.util.Set;

/** Who someone is to the app (docs/security.md has the rules table). Support roles match the roster's. */
public enum AppRole {
  AGENT,
  SPECIALIST,
  MANAGER,
  HEAD_OF_SUPPORT,
  ADMIN;

  /** Support staff: on the roster, work tickets. */
  static final Set<AppRole> STAFF = Set.of(AGENT, SPECIALIST, MANAGER, HEAD_OF_SUPPORT);
  /** May act on any ticket, whoever owns it ("that tier's manager or above"). */
  static final Set<AppRole> SUPERVISORS = Set.of(MANAGER, HEAD_OF_SUPPORT);

  /** The Spring Security authority, {@code ROLE_AGENT} etc. */
  public String authority() {
    return "ROLE_" + name();
  }

  static String[] names(Set<AppRole> roles) {
    return roles.stream().map(AppRole::name).sorted().toArray(String[]::new);
  }
}
