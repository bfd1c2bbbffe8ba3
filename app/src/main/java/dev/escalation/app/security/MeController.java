package dev.escalation.app.security;

import dev.escalation.workers.ticket.TicketProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: the UI shows it and hides what the role may not do. It also tells the UI the
 * zone that times are shown in (the one mails and the timeline use) and whether the app runs in
 * embedded mode, where the demo aids (a simulated customer reply) belong.
 */
@RestController
class MeController {
  private final String zone;
  private final boolean embedded;

  MeController(TicketProperties tickets, ObjectProvider<EmbeddedDemoMode> embeddedMode) {
    this.zone = tickets.zone();
    this.embedded = embeddedMode.getIfAvailable() != null;
  }

  record Me(String username, List<String> roles, String zone, boolean embedded) {}

  @GetMapping("/api/me")
  Me me(Authentication who) {
    return new Me(who.getName(), who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList(), zone, embedded);
  }
}
