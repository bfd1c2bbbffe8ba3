package dev.escalation.workers.paging;

import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * N2 paging and H4's head-of-support alert. Pages go to the on-duty manager by email until the
 * paging adapters (SMS, webhook, PagerDuty) arrive; the channel is recorded on each notification.
 */
@Service
class ManagerAlerts {
  private final Tickets tickets;
  private final RosterRepository roster;
  private final EscalationRepository escalations;
  private final TicketHistory history;
  private final Outbox outbox;

  ManagerAlerts(Tickets tickets, RosterRepository roster, EscalationRepository escalations, TicketHistory history, Outbox outbox) {
    this.tickets = tickets;
    this.roster = roster;
    this.escalations = escalations;
    this.history = history;
    this.outbox = outbox;
  }

  @Transactional
  void pageOnDutyManager(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    RosterMember manager = first(Role.MANAGER);
    var escalation = escalations.findFirstByTicketIdOrderByIdDesc(ticketId);
    outbox.enqueue(new Outbox.Message("PAGE:" + ticketId + ":" + ticket.escalationCount(), ticketId, NotificationKind.PAGE,
        manager.email(), manager.displayName(), Channel.EMAIL,
        "PAGE " + ticket.priority() + " #" + ticketId + " escalated to tier " + ticket.tier() + ": " + ticket.subject(),
        "On-duty manager " + manager.displayName() + ",\n\n" + ticket.priority() + " ticket #" + ticketId + " was escalated"
            + escalation.map(e -> " from tier " + e.fromTier() + " to tier " + e.toTier() + " (" + e.cause().toLowerCase().replace('_', ' ') + ")").orElse("")
            + " and is now owned by " + ticket.ownerUsername() + ".\n\n" + history.of(ticket)));
  }

  @Transactional
  void alertHeadOfSupport(long ticketId, long jobKey) {
    Ticket ticket = tickets.get(ticketId);
    RosterMember head = first(Role.HEAD_OF_SUPPORT);
    outbox.enqueue(new Outbox.Message("HEAD_OF_SUPPORT_ALERT:" + ticketId + ":" + jobKey, ticketId,
        NotificationKind.HEAD_OF_SUPPORT_ALERT, head.email(), head.displayName(), Channel.EMAIL,
        "SLA breached at the top tier: #" + ticketId + " " + ticket.subject(),
        head.displayName() + ",\n\nticket #" + ticketId + " breached its SLA at tier " + ticket.tier()
            + ", the highest tier. It stays with " + ticket.ownerUsername() + "; no further automatic escalation happens.\n\n"
            + history.of(ticket)));
  }

  private RosterMember first(Role role) {
    return roster.byRoleOnDutyFirst(role.name()).stream().findFirst()
        .orElseThrow(() -> new FixableFailure("nobody with role " + role + " is available on the roster",
            "add a " + role + " to the roster (or make one available), then retry"));
  }
}
