package dev.escalation.workers.resolution;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.customer.CustomerNotices;
import dev.escalation.workers.handoff.FirstResponses;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.survey.Surveys;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketProperties;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.Tickets;
import dev.escalation.workers.ticket.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R1, R2: resolving, reopening within the window, and closing after it. */
@Service
class Resolutions {
  private final Tickets tickets;
  private final TicketMessageRepository messages;
  private final RosterRepository roster;
  private final CustomerNotices customer;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final FirstResponses firstResponses;
  private final TicketProperties properties;
  private final Times times;
  private final Clock clock;
  private final Surveys surveys;

  Resolutions(Tickets tickets, TicketMessageRepository messages, RosterRepository roster, CustomerNotices customer, Outbox outbox,
      AuditTrail audit, FirstResponses firstResponses, TicketProperties properties, Times times, Clock clock, Surveys surveys) {
    this.surveys = surveys;
    this.tickets = tickets;
    this.messages = messages;
    this.roster = roster;
    this.customer = customer;
    this.outbox = outbox;
    this.audit = audit;
    this.firstResponses = firstResponses;
    this.properties = properties;
    this.times = times;
    this.clock = clock;
  }

  /** Returns the end of the reopen window; {@code resolvedBy} is who resolved it (null: the owner). */
  @Transactional
  Instant resolve(long ticketId, String resolvedBy) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    ticket.resolve(now);
    ticket.settle(Actions.RESOLVE);
    tickets.save(ticket);
    String summary = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId).stream()
        .filter(m -> m.direction() == TicketMessage.Direction.TO_CUSTOMER)
        .max(Comparator.comparing(TicketMessage::id))
        .map(TicketMessage::body)
        .orElse("Your request has been resolved.");
    Instant reopenDeadline = now.plus(properties.reopenWindow());
    audit.record(ticketId, AuditEventType.RESOLVED, resolvedBy == null ? ticket.ownerUsername() : resolvedBy,
        "Resolved at tier " + ticket.tier() + ": " + summary + " (can be reopened until " + times.format(reopenDeadline) + ")");
    firstResponses.update(ticketId);
    customer.resolved(ticket, summary);
    surveys.askAfterResolution(ticket, resolvedBy == null ? ticket.ownerUsername() : resolvedBy); // M5
    return reopenDeadline;
  }

  /** Back to the tier and owner that resolved it; counts a re-escalation. Returns the ticket's new handoff. */
  @Transactional
  int reopen(long ticketId, String reopenedBy, String reason, long jobKey) {
    Ticket ticket = tickets.get(ticketId);
    ticket.reopen();
    ticket.handBackAfterReopen();
    tickets.save(ticket);
    String actor = reopenedBy == null ? AuditTrail.SYSTEM : reopenedBy;
    audit.record(ticketId, AuditEventType.REOPENED, actor,
        "Reopened to " + ticket.ownerUsername() + " at tier " + ticket.tier() + " (re-escalation " + ticket.reescalationCount() + ")"
            + (reason == null ? "" : ": " + reason));
    roster.findById(ticket.ownerUsername()).ifPresent(owner -> outbox.enqueue(new Outbox.Message(
        "REOPENED:" + ticketId + ":" + jobKey, ticketId, NotificationKind.OWNER_ASSIGNED, owner.email(), owner.displayName(),
        Channel.EMAIL, "[#" + ticketId + "] reopened and back with you: " + ticket.subject(),
        "Hello " + owner.displayName() + ",\n\nticket #" + ticketId + ", which you resolved, was reopened by " + actor
            + (reason == null ? "" : ": " + reason) + ". It is yours again at tier " + ticket.tier() + " with fresh SLA clocks.")));
    return ticket.handoff();
  }

  @Transactional
  void close(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    ticket.close(clock.instant());
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.CLOSED, AuditTrail.SYSTEM,
        "Closed: not reopened within " + Durations.format(properties.reopenWindow()) + " of resolution");
  }
}
