package dev.escalation.app.roster;

import dev.escalation.workers.roster.RosterRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RosterController {
  private final RosterRepository roster;

  RosterController(RosterRepository roster) {
    this.roster = roster;
  }

  record MemberView(String username, String displayName, String email, String role, int tier, String skillGroup,
      boolean available, boolean onDuty) {}

  @GetMapping("/api/roster")
  List<MemberView> roster() {
    return roster.findAllByOrderByTierAscUsernameAsc().stream()
        .map(m -> new MemberView(m.username(), m.displayName(), m.email(), m.role().name(), m.tier(), m.skillGroup(),
            m.available(), m.onDuty()))
        .toList();
  }
}
