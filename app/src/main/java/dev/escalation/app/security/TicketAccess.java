package dev.escalation.app.security;

import dev.escalation.workers.roster.Role;
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

  TicketAccess(TicketRepository tickets) {
    this.tickets = tickets;
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
