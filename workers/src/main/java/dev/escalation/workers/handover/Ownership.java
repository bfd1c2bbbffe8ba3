package dev.escalation.workers.handover;

import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RoutingProperties;
import dev.escalation.workers.ticket.Ticket;
import org.springframework.stereotype.Component;

/**
 * W2/W3: who can own which ticket when a person, not routing, picks the owner. An agent owns tier 1
 * tickets; a specialist the tickets of their group at tier 1 or at their own tier; a manager or the
 * head of support any ticket (as when routing finds nobody at a tier, H1).
 */
@Component
public class Ownership {
  private final RoutingProperties routing;

  Ownership(RoutingProperties routing) {
    this.routing = routing;
  }

  /** The tier 2 group a ticket belongs to: the one the criteria chose, else its category's. */
  public String groupOf(Ticket ticket) {
    return ticket.targetGroup() != null ? ticket.targetGroup() : routing.groupFor(ticket.category());
  }

  public boolean mayOwn(RosterMember member, Ticket ticket) {
    return switch (member.role()) {
      case AGENT -> ticket.tier() == 1;
      case SPECIALIST -> groupOf(ticket) != null && groupOf(ticket).equals(member.skillGroup())
          && (ticket.tier() == 1 || ticket.tier() == member.tier());
      case MANAGER, HEAD_OF_SUPPORT -> true;
      case ADMIN -> false;
    };
  }

  /** Why {@link #mayOwn} is false, for the person who asked. */
  public String whyNot(RosterMember member, Ticket ticket) {
    return switch (member.role()) {
      case AGENT -> member.username() + " is an agent and owns tier 1 tickets only; ticket " + ticket.id() + " is at tier " + ticket.tier();
      case SPECIALIST -> member.username() + " is a tier " + member.tier() + " specialist in " + member.skillGroup()
          + " and owns that group's tickets at tier 1 or " + member.tier() + "; ticket " + ticket.id() + " is a tier "
          + ticket.tier() + " ticket of " + groupOf(ticket);
      case MANAGER, HEAD_OF_SUPPORT -> member.username() + " may own any ticket";
      case ADMIN -> member.username() + " is an admin, not support staff";
    };
  }
}
