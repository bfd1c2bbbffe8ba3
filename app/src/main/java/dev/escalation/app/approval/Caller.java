package dev.escalation.app.approval;

import dev.escalation.app.approval.ApprovalProblems.Forbidden;
import dev.escalation.app.approval.ApprovalProblems.NotAuthenticated;
import dev.escalation.processes.RefundApproval.Groups;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterRepository;
import java.security.Principal;
import java.util.Set;

/**
 * Who is acting: the servlet request's principal (HTTP Basic or a session once security is in),
 * with the role the roster gives them. Candidate groups of user tasks map to roles here.
 */
record Caller(String username, Role role) {

  static Caller of(Principal principal, RosterRepository roster) {
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      throw new NotAuthenticated();
    }
    return roster.findById(principal.getName())
        .map(m -> new Caller(m.username(), m.role()))
        .orElseThrow(() -> new Forbidden(principal.getName() + " is not on the support roster"));
  }

  boolean isManagerOrAbove() {
    return role == Role.MANAGER || role == Role.HEAD_OF_SUPPORT;
  }

  /** The candidate groups this person belongs to: the head of support stands in for managers too. */
  Set<String> groups() {
    return switch (role) {
      case MANAGER -> Set.of(Groups.MANAGERS);
      case HEAD_OF_SUPPORT -> Set.of(Groups.MANAGERS, Groups.HEAD_OF_SUPPORT);
      default -> Set.of();
    };
  }
}
