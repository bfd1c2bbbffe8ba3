package dev.escalation.app.approval;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.workers.roster.Role;

/**
 * Who is acting, as the security rules let them through: the login (or {@code token:<name>}) and
 * the role it acts with. Whether they may is settled before a command sees them (URL rules and
 * method security); the commands only record who it was and apply business rules such as a
 * refund's amount authority.
 */
record Caller(String username, Role role) {

  static Caller of(CurrentActor actor) {
    return new Caller(actor.name(), actor.role());
  }
}
