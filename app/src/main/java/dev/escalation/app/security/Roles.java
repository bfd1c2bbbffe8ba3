package dev.escalation.app.security;

import dev.escalation.workers.roster.Role;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roster's {@link Role} as Spring Security sees it: the authority {@code ROLE_<name>}. */
public final class Roles {
  private static final String PREFIX = "ROLE_";

  private Roles() {}

  static String authority(Role role) {
    return PREFIX + role.name();
  }

  /** The role a login or token acts with; empty for an authentication that carries none of ours. */
  public static Optional<Role> of(Authentication who) {
    if (who == null || !who.isAuthenticated()) {
      return Optional.empty();
    }
    for (GrantedAuthority authority : who.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(PREFIX)) {
        for (Role role : Role.values()) {
          if (role.name().equals(name.substring(PREFIX.length()))) {
            return Optional.of(role);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** For {@code hasAnyRole(...)}: the names, sorted. */
  static String[] names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toArray(String[]::new);
  }
}
