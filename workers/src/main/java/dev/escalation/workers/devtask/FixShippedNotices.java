package dev.escalation.workers.devtask;

import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notice.CustomerNoticeValues;
import dev.escalation.workers.notice.NoticeTemplate;
import dev.escalation.workers.notice.NoticeTemplates;
import dev.escalation.workers.notice.RenderedNotice;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two notices of a shipped fix, through the outbox. Their idempotency keys are per ticket, so
 * however often the dev task is closed (or the job delivered), each is written once.
 */
@Component
class FixShippedNotices {
  private final Tickets tickets;
  private final DevTaskLedger ledger;
  private final RosterRepository roster;
  private final Outbox outbox;
  private final DevTaskProperties properties;
  private final NoticeTemplates templates;

  FixShippedNotices(Tickets tickets, DevTaskLedger ledger, RosterRepository roster, Outbox outbox, DevTaskProperties properties,
      NoticeTemplates templates) {
    this.templates = templates;
    this.tickets = tickets;
    this.ledger = ledger;
    this.roster = roster;
    this.outbox = outbox;
    this.properties = properties;
  }

  void send(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    DevTask task = ledger.ofTicket(ticketId).orElseThrow(() -> new FixableFailure(
        "ticket " + ticketId + " has no dev task in the ledger",
        "check that create-dev-task ran against the same database (spring.datasource.url)"));
    var customer = ticket.customer();
    RenderedNotice notice = templates.render(NoticeTemplate.FIX_SHIPPED, customer.language(), CustomerNoticeValues.of(ticket, Map.of()));
    outbox.enqueue(new Outbox.Message("FIX_SHIPPED:" + ticketId, ticketId, NotificationKind.FIX_SHIPPED, customer.email(),
        customer.name(), Channel.of(ticket.channel()), notice.subject(), notice.body()));
    var owner = ticket.ownerUsername() == null ? null : roster.findById(ticket.ownerUsername()).orElse(null);
    if (owner != null) {
      outbox.enqueue(new Outbox.Message("FIX_SHIPPED_OWNER:" + ticketId, ticketId, NotificationKind.FIX_SHIPPED_OWNER,
          owner.email(), owner.displayName(), Channel.EMAIL, "Dev task " + task.key() + " closed: fix for #" + ticketId + " shipped",
          owner.displayName() + ",\n\nthe dev task " + task.key() + " (" + task.url() + ") for ticket #" + ticketId + " ("
              + ticket.subject() + ") was closed in " + task.tracker() + ". The customer has been told that the fix shipped.\n\n"
              + "Ticket: " + properties.ticketUrl(ticketId)));
    }
  }
}
