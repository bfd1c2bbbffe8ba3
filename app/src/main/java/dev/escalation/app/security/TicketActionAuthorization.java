package dev.escalation.app.security;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Acting on a ticket ({@code POST /api/tickets/{id}/...}: attempts, escalations, waiting,
 * customer replies, resolution, reopen, refund requests and any action added later) is for the
 * ticket's owner, a MANAGER or the HEAD_OF_SUPPORT. An id that names no ticket (or is no number)
 * is let through for support staff, so that the API answers 404 or 400 as before.
 */
class TicketActionAuthorization implements AuthorizationManager<RequestAuthorizationContext> {
  private final JdbcClient jdbc;

  TicketActionAuthorization(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication who = authentication.get();
    if (who == null || !who.isAuthenticated() || who.getAuthorities().isEmpty()) {
      return new AuthorizationDecision(false);
    }
    AppRole role = role(who);
    if (role == null || !AppRole.STAFF.contains(role)) {
      return new AuthorizationDecision(false);
    }
    if (AppRole.SUPERVISORS.contains(role)) {
      return new AuthorizationDecision(true);
    }
    Long id = parse(context.getVariables().get("id"));
    if (id == null) {
      return new AuthorizationDecision(true);
    }
    Optional<Optional<String>> owner = jdbc.sql("SELECT owner_username FROM ticket WHERE id = ?").param(id)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional();
    return new AuthorizationDecision(owner.isEmpty() || owner.get().filter(who.getName()::equals).isPresent());
  }

  private static AppRole role(Authentication who) {
    for (GrantedAuthority authority : who.getAuthorities()) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          return AppRole.valueOf(name.substring(5));
        } catch (IllegalArgumentException other) {
          // not one of ours
        }
      }
    }
    return null;
  }

  private static Long parse(String id) {
    if (id == null || id.isEmpty() || id.length() > 19 || !id.chars().allMatch(Character::isDigit)) {
      return null;
    }
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
