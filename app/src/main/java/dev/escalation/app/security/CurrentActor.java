package dev.escalation.app.security;

import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.roster.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting: the authenticated user (or {@code token:<name>}), recorded as the actor in the audit trail. */
@Component
public class CurrentActor {

  public String name() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
      return AuditTrail.SYSTEM;
    }
    return who.getName();
  }

  /**
   * The role the caller acts with. Only for requests the security rules let through, which all
   * need a role; outside of one this is a programming error.
   */
  public Role role() {
    return Roles.of(SecurityContextHolder.getContext().getAuthentication())
        .orElseThrow(() -> new IllegalStateException("no authenticated caller with a role: the security rules let this request through"));
  }
}
