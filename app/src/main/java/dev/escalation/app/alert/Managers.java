package dev.escalation.app.alert;

import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Who "the managers" are for alerts and the digest: the available managers and heads of support on the roster. */
@Component
public class Managers {
  private final RosterRepository roster;

  Managers(RosterRepository roster) {
    this.roster = roster;
  }

  public List<RosterMember> all() {
    return Stream.of(Role.MANAGER, Role.HEAD_OF_SUPPORT).flatMap(role -> roster.byRoleOnDutyFirst(role.name()).stream()).toList();
  }
}
