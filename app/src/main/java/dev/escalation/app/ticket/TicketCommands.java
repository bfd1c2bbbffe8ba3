package dev.escalation.app.ticket;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.app.security.CurrentActor;
import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.FirstResponses;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.InFlight;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.ResolutionAttempt;
import dev.escalation.workers.ticket.ResolutionAttemptRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketProperties;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to a ticket. Each command checks the ticket's state, writes the ledger and tells
 * the process, in one transaction: if the engine cannot be told, nothing is written.
 */
@Service
public class TicketCommands {
  private final TicketRepository tickets;
  private final ResolutionAttemptRepository attempts;
  private final TicketMessageRepository messages;
  private final HandoffNoteRepository notes;
  private final AuditTrail audit;
  private final FirstResponses firstResponses;
  private final ProcessGateway process;
  private final TicketProperties properties;
  private final Clock clock;
  private final EscalationMeters meters;
  private final CurrentActor actor;
  private final TicketGuards guards;

  TicketCommands(TicketRepository tickets, ResolutionAttemptRepository attempts, TicketMessageRepository messages,
      HandoffNoteRepository notes, AuditTrail audit, FirstResponses firstResponses, ProcessGateway process,
      TicketProperties properties, Clock clock, CurrentActor actor, TicketGuards guards, EscalationMeters meters) {
    this.meters = meters;
    this.actor = actor;
    this.guards = guards;
    this.tickets = tickets;
    this.attempts = attempts;
    this.messages = messages;
    this.notes = notes;
    this.audit = audit;
    this.firstResponses = firstResponses;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  Ticket open(Requests.OpenTicket request) {
    var c = request.customer();
    return open(new Customer(c.name().trim(), c.email().trim(), c.language(), Boolean.TRUE.equals(c.vip()), c.annualRevenue(),
        c.plan()),
        request.channel().toLowerCase(Locale.ROOT), request.subject().trim(), request.description(), request.priority(),
        request.category(), actor.name());
  }

  /** C1: a customer's first message on a channel opens the ticket the same way the API does, in the caller's transaction. */
  @Transactional
  public Ticket open(Customer customer, String channel, String subject, String description, Priority priority,
      Category category, String by) {
    Ticket ticket = tickets.save(Ticket.open(customer, channel, subject, description, priority, category,
        properties.maxTier(), clock.instant()));
    String from = customer.email() == null || customer.email().isBlank() ? customer.name() : customer.email();
    audit.record(ticket.id(), AuditEventType.TICKET_OPENED, by,
        priority + " " + category + " ticket via " + ticket.channel() + " for " + from + ": " + ticket.subject());
    ticket.linkProcessInstance(process.startTicket(ticket.id(), priority.name()));
    meters.ticketOpened(priority.name(), ticket.channel());
    return tickets.save(ticket);
  }

  @Transactional
  void recordAttempt(long id, Requests.Attempt request) {
    Ticket ticket = guards.requireStatus(id, "record a resolution attempt", TicketStatus.OPEN);
    guards.requireNothingInFlight(ticket, "record a resolution attempt");
    String by = actor.name();
    attempts.save(new ResolutionAttempt(null, id, ticket.tier(), by, request.note(), clock.instant()));
    ticket.ownerResponded();
    tickets.save(ticket);
    audit.record(id, AuditEventType.ATTEMPT_RECORDED, by, "Tier " + ticket.tier() + ": " + request.note());
    firstResponses.update(id);
    process.publish(Messages.OWNER_ACTION, id, TicketGuards.ownerAction(ticket, Actions.ATTEMPT, by));
  }

  @Transactional
  HandoffNote escalate(long id, Requests.EscalationRequest request) {
    Ticket ticket = guards.requireStatus(id, "escalate", TicketStatus.OPEN);
    if (ticket.isAtTopTier()) {
      throw new ActionNotAllowedException("ticket " + id + " is already at tier " + ticket.tier()
          + ", the highest tier; a breach here alerts the head of support");
    }
    guards.requireNothingInFlight(ticket, "escalate");
    long tried = attempts.countByTicketIdAndTier(id, ticket.tier());
    boolean override = request.overrideReason() != null && !request.overrideReason().isBlank();
    if (tried < properties.requiredAttempts() && !override) {
      throw new RuleNotMetException("T8", "escalating from tier " + ticket.tier() + " needs " + properties.requiredAttempts()
          + " recorded resolution attempts, " + tried + " recorded; record attempts or give an overrideReason (T7)");
    }
    String owner = actor.name();
    HandoffNote note = notes.save(new HandoffNote(null, id, owner, false, request.type(), request.summary(), request.attempted(),
        request.need(), override ? request.overrideReason() : null, clock.instant()));
    if (override && tried < properties.requiredAttempts()) {
      audit.record(id, AuditEventType.RULE_OVERRIDDEN, owner, "T8: escalated after " + tried + " of "
          + properties.requiredAttempts() + " required attempts. Reason: " + request.overrideReason());
    }
    ticket.ownerResponded();
    ticket.beginAction(Actions.ESCALATE, owner, clock.instant());
    tickets.save(ticket);
    Map<String, Object> message = TicketGuards.ownerAction(ticket, Actions.ESCALATE, owner);
    message.put(Variables.ESCALATION_TYPE, request.type().name());
    message.put(Variables.HANDOFF_NOTE_ID, note.id());
    process.publish(Messages.OWNER_ACTION, id, message);
    return note;
  }

  @Transactional
  void askCustomer(long id, Requests.Question request) {
    Ticket ticket = guards.requireStatus(id, "ask the customer", TicketStatus.OPEN);
    guards.requireNothingInFlight(ticket, "ask the customer");
    String by = actor.name();
    messages.save(new TicketMessage(null, id, TicketMessage.Direction.TO_CUSTOMER, by, request.question(), clock.instant()));
    ticket.awaitCustomer();
    ticket.beginAction(Actions.WAIT, by, clock.instant());
    tickets.save(ticket);
    process.publish(Messages.OWNER_ACTION, id, TicketGuards.ownerAction(ticket, Actions.WAIT, by));
  }

  /** A customer's message: resumes a paused ticket, reopens a resolved one (R1), or is simply recorded. */
  @Transactional
  void customerReplied(long id, Requests.CustomerReply request) {
    customerWrote(id, request.message(), actor.name());
  }

  /**
   * A customer's message, typed in by staff or received on a channel (C1): recorded in the
   * conversation and the timeline, triaged again, and it resumes a paused ticket or reopens a
   * resolved one (R1). Returns the recorded message.
   */
  @Transactional
  public TicketMessage customerWrote(long id, String text, String by) {
    Ticket ticket = guards.find(id);
    if (ticket.status() == TicketStatus.CLOSED) {
      throw new ActionNotAllowedException("ticket " + id + " is closed; the customer should open a new ticket");
    }
    if (ticket.status() == TicketStatus.RESOLVED) {
      guards.requireNothingInFlight(ticket, "reopen");
    }
    // The reply that resumes the clocks (or reopens) is in flight: a second reply is recorded and
    // triaged, but must not resume a later pause of the ticket when the process reaches it.
    boolean replyInFlight = InFlight.CUSTOMER_REPLY.equals(ticket.actionInFlight()) || InFlight.REOPEN.equals(ticket.actionInFlight());
    TicketMessage message = messages.save(new TicketMessage(null, id, TicketMessage.Direction.FROM_CUSTOMER, ticket.customer().name(), text, clock.instant()));
    audit.record(id, AuditEventType.CUSTOMER_REPLIED, by, text);
    if (ticket.status() == TicketStatus.OPEN || ticket.status() == TicketStatus.WAITING_ON_CUSTOMER) {
      // T5: triage and the escalation criteria run again on what the customer wrote
      process.publish(Messages.CUSTOMER_MESSAGE_RECEIVED, id, Map.of(Variables.MESSAGE_ID, message.id()));
    }
    if (replyInFlight) {
      return message;
    }
    if (ticket.status() == TicketStatus.WAITING_ON_CUSTOMER) {
      ticket.beginAction(InFlight.CUSTOMER_REPLY, by, clock.instant());
      tickets.save(ticket);
      process.publish(Messages.CUSTOMER_REPLIED, id, Map.of());
    } else if (ticket.status() == TicketStatus.RESOLVED) {
      String who = ticket.customer().email() == null || ticket.customer().email().isBlank() ? ticket.customer().name() : ticket.customer().email();
      reopenWith(ticket, by, "customer " + who + " replied: " + abbreviate(text));
    }
    return message;
  }

  @Transactional
  void resolve(long id, Requests.Resolution request) {
    Ticket ticket = guards.requireStatus(id, "resolve", TicketStatus.OPEN);
    guards.requireNothingInFlight(ticket, "resolve");
    String by = actor.name();
    messages.save(new TicketMessage(null, id, TicketMessage.Direction.TO_CUSTOMER, by, request.summary(), clock.instant()));
    ticket.resolve(clock.instant());
    ticket.beginAction(Actions.RESOLVE, by, clock.instant());
    tickets.save(ticket);
    process.publish(Messages.OWNER_ACTION, id, TicketGuards.ownerAction(ticket, Actions.RESOLVE, by));
  }

  @Transactional
  void reopen(long id, Requests.Reopen request) {
    Ticket ticket = guards.requireStatus(id, "reopen", TicketStatus.RESOLVED);
    guards.requireNothingInFlight(ticket, "reopen");
    reopenWith(ticket, actor.name(), request.reason());
  }

  private void reopenWith(Ticket ticket, String by, String reason) {
    ticket.reopen();
    ticket.beginAction(InFlight.REOPEN, by, clock.instant());
    tickets.save(ticket);
    process.publish(Messages.TICKET_REOPENED, ticket.id(), Map.of("reopenedBy", by, "reopenReason", reason));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
