package dev.escalation.app.approval;

import dev.escalation.app.security.Roles;
import dev.escalation.processes.RefundApproval.Groups;
import dev.escalation.workers.roster.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may claim or complete a human task: a member of one of its candidate groups. Asked by method
 * security ({@code @PreAuthorize} on {@link TaskController}) with the bound task id. A task that
 * does not exist is let through, so that the inbox answers 404 for it.
 */
@Component("taskAccess")
public class TaskAccess {
  private final JdbcClient jdbc;

  TaskAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The candidate groups a role belongs to: the head of support stands in for managers too. */
  static Set<String> groupsOf(Role role) {
    return switch (role) {
      case MANAGER -> Set.of(Groups.MANAGERS);
      case HEAD_OF_SUPPORT -> Set.of(Groups.MANAGERS, Groups.HEAD_OF_SUPPORT);
      default -> Set.of();
    };
  }

  static boolean isFor(Role role, Collection<String> candidateGroups) {
    return candidateGroups.stream().anyMatch(groupsOf(role)::contains);
  }

  public boolean mayWorkOn(Authentication who, long taskId) {
    Optional<String> groups = jdbc.sql("SELECT candidate_groups FROM human_task WHERE id = ?").param(taskId)
        .query(String.class).optional();
    if (groups.isEmpty()) {
      return true;
    }
    Optional<Role> role = Roles.of(who);
    return role.isPresent() && isFor(role.get(), Arrays.stream(groups.get().split(",")).map(String::strip).toList());
  }
}
