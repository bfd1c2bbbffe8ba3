package dev.escalation.workers.paging;

import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.team.TeamChannel;
import dev.escalation.workers.team.TeamEvent;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** H4's head-of-support alert (pages of the on-duty manager: see {@link Pages}). */
@Service
class ManagerAlerts {
  private final Tickets tickets;
  private final RosterRepository roster;
  private final TicketHistory history;
  private final Outbox outbox;
  private final TeamChannel team;

  ManagerAlerts(Tickets tickets, RosterRepository roster, TicketHistory history, Outbox outbox, TeamChannel team) {
    this.team = team;
    this.tickets = tickets;
    this.roster = roster;
    this.history = history;
    this.outbox = outbox;
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
    team.post(TeamEvent.TOP_TIER_BREACH, String.valueOf(jobKey), ticketId, "SLA breached at the top tier: #" + ticketId + " " + ticket.subject(),
        ticket.priority() + " ticket #" + ticketId + " breached its SLA at tier " + ticket.tier() + ", the highest tier; owned by "
            + ticket.ownerUsername() + ". No further automatic escalation happens.");
  }

  private RosterMember first(Role role) {
    return roster.byRoleOnDutyFirst(role.name()).stream().findFirst()
        .orElseThrow(() -> new FixableFailure("nobody with role " + role + " is available on the roster",
            "add a " + role + " to the roster (or make one available), then retry"));
  }
}
