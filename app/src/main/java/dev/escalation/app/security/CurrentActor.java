package dev.escalation.app.security;

import dev.escalation.workers.audit.AuditTrail;
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
}
