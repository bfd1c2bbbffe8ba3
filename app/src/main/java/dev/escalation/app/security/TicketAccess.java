package dev.escalation.app.security;

import dev.escalation.workers.handover.Ownership;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may act on a ticket: its owner right now, a MANAGER or the HEAD_OF_SUPPORT. Asked by method
 * security ({@link ActsOnTicket}) with the id Spring bound for the action, so the ticket checked is
 * the ticket acted on. An id that names no ticket is let through for support staff: the action then
 * answers 404 as it does for everyone.
 */
@Component("ticketAccess")
public class TicketAccess {
  private final TicketRepository tickets;
  private final RosterRepository roster;
  private final Ownership ownership;

  TicketAccess(TicketRepository tickets, RosterRepository roster, Ownership ownership) {
    this.tickets = tickets;
    this.roster = roster;
    this.ownership = ownership;
  }

  /**
   * W4: whose changes a caller may see: those of every ticket, for the roles that read tickets (staff
   * and ADMIN, the URL rule of {@code GET /api/tickets/**}); nobody else's.
   */
  public boolean maySee(Authentication who, long ticketId) {
    Optional<Role> role = Roles.of(who);
    return role.isPresent() && (role.get().isStaff() || role.get() == Role.ADMIN);
  }

  /**
   * W2: who may grab a ticket ({@link GrabsTicket}): a MANAGER or the HEAD_OF_SUPPORT any ticket; a
   * SPECIALIST a ticket of their group at tier 1 or at their own tier ({@link Ownership}); nobody
   * else. Whether the ticket's state allows it is the command's question (409).
   */
  public boolean mayGrab(Authentication who, long ticketId) {
    Optional<Role> role = Roles.of(who);
    if (role.isEmpty()) {
      return false;
    }
    if (role.get().isSupervisor()) {
      return true;
    }
    if (role.get() != Role.SPECIALIST) {
      return false;
    }
    Optional<Ticket> ticket = tickets.findById(ticketId);
    if (ticket.isEmpty()) {
      return true;
    }
    return roster.findById(who.getName()).filter(member -> member.role() == Role.SPECIALIST)
        .map(member -> ownership.mayOwn(member, ticket.get())).orElse(false);
  }

  public boolean mayActOn(Authentication who, long ticketId) {
    Optional<Role> role = Roles.of(who);
    if (role.isEmpty() || !role.get().isStaff()) {
      return false;
    }
    if (role.get().isSupervisor()) {
      return true;
    }
    Optional<Ticket> ticket = tickets.findById(ticketId);
    return ticket.isEmpty() || who.getName().equals(ticket.get().ownerUsername());
  }
}
