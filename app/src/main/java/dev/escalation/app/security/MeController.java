package dev.escalation.app.security;

import dev.escalation.workers.ticket.TicketProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is: the UI shows it and hides what the role may not do. It also tells the UI the
 * zone that times are shown in (the one mails and the timeline use) and whether the app runs in
 * embedded mode, where the demo aids (a simulated customer reply) belong, and the app's time, which
 * SLA countdowns count against (embedded mode's dev clock moves it away from the browser's).
 */
@RestController
class MeController {
  private final String zone;
  private final boolean embedded;
  private final Clock clock;

  MeController(TicketProperties tickets, ObjectProvider<EmbeddedDemoMode> embeddedMode, Clock clock) {
    this.clock = clock;
    this.zone = tickets.zone();
    this.embedded = embeddedMode.getIfAvailable() != null;
  }

  record Me(String username, List<String> roles, String zone, boolean embedded, Instant now) {}

  @GetMapping("/api/me")
  Me me(Authentication who) {
    return new Me(who.getName(), who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList(), zone, embedded, clock.instant());
  }
}
