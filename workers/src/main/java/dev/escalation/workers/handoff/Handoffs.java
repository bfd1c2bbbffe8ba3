package dev.escalation.workers.handoff;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.ticket.ResolutionAttemptRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.Tickets;
import dev.escalation.workers.ticket.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** H2-H4: handoff notes and the move of a ticket to a higher tier. */
@Service
public class Handoffs {
  private final Tickets tickets;
  private final HandoffNoteRepository notes;
  private final EscalationRepository escalations;
  private final ResolutionAttemptRepository attempts;
  private final TicketMessageRepository messages;
  private final AuditTrail audit;
  private final Times times;
  private final Clock clock;
  private final EscalationMeters meters;

  Handoffs(Tickets tickets, HandoffNoteRepository notes, EscalationRepository escalations, ResolutionAttemptRepository attempts,
      TicketMessageRepository messages, AuditTrail audit, Times times, Clock clock, EscalationMeters meters) {
    this.meters = meters;
    this.tickets = tickets;
    this.notes = notes;
    this.escalations = escalations;
    this.attempts = attempts;
    this.messages = messages;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
  }

  /** The type an automatic escalation takes from a tier: specialists first, then management. */
  public static EscalationType automaticTypeFrom(int tier) {
    return tier <= 1 ? EscalationType.FUNCTIONAL : EscalationType.HIERARCHICAL;
  }

  /** The tier an escalation of this type from {@code tier} lands on. */
  public static int targetTier(int tier, int maxTier, EscalationType type) {
    return type == EscalationType.HIERARCHICAL ? maxTier : Math.min(tier + 1, maxTier);
  }

  /** The note an automatic escalation carries: which clock breached and what happened so far. */
  @Transactional(propagation = Propagation.MANDATORY)
  public HandoffNote automaticNote(Ticket ticket, String clockName, Instant due) {
    EscalationType type = automaticTypeFrom(ticket.tier());
    var tried = attempts.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
    int customerMessages = (int) messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id()).stream()
        .filter(m -> m.direction() == TicketMessage.Direction.FROM_CUSTOMER).count();
    String summary = switch (clockName) {
      case "RESPONSE" -> "Response";
      case "NEXT_REPLY" -> NEXT_REPLY_SUMMARY_PREFIX;
      default -> "Resolution";
    } + " SLA breached at tier " + ticket.tier() + " (" + ticket.priority() + ", due " + times.format(due) + ", owner "
        + ticket.ownerUsername() + "). Opened " + times.format(ticket.openedAt()) + ", escalated " + ticket.escalationCount()
        + " time(s) before, " + customerMessages + " customer repl" + (customerMessages == 1 ? "y" : "ies") + " since opening.";
    String attempted = tried.isEmpty()
        ? "No resolution attempts were recorded."
        : tried.stream().map(a -> "tier " + a.tier() + " " + a.author() + ": " + a.note()).collect(Collectors.joining("; "));
    String need = switch (clockName) {
      case "RESPONSE" -> "A first response to the customer";
      case "NEXT_REPLY" -> "A reply to the customer's latest message";
      default -> "A resolution";
    } + " from the "
        + (type == EscalationType.FUNCTIONAL ? "specialist group for " + ticket.category().name().toLowerCase() : "management tier")
        + ", within the fresh SLA.";
    return notes.save(new HandoffNote(null, ticket.id(), AuditTrail.SYSTEM, true, type, summary, attempted, need, null, clock.instant()));
  }

  static final String CRITERIA_SUMMARY_PREFIX = "Criteria rule ";
  /** S3: how the note of a next-reply breach starts; the escalation's cause is read from it. */
  static final String NEXT_REPLY_SUMMARY_PREFIX = "Next reply";

  /**
   * T5: the note of an escalation the criteria asked for when a customer message changed them (for
   * example the customer's language turned strongly negative).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public HandoffNote criteriaNote(Ticket ticket, EscalationType type, String ruleId, String reason, long messageId) {
    var tried = attempts.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
    String summary = CRITERIA_SUMMARY_PREFIX + ruleId + " matched on customer message #" + messageId + ": " + reason
        + ". Ticket at tier " + ticket.tier() + " (" + ticket.priority() + ", owner " + ticket.ownerUsername() + ").";
    String attempted = tried.isEmpty()
        ? "No resolution attempts were recorded."
        : tried.stream().map(a -> "tier " + a.tier() + " " + a.author() + ": " + a.note()).collect(Collectors.joining("; "));
    String need = "Take over from the " + (type == EscalationType.FUNCTIONAL ? "specialist group" : "management tier")
        + " and answer the customer's latest message, within the fresh SLA.";
    return notes.save(new HandoffNote(null, ticket.id(), AuditTrail.SYSTEM, true, type, summary, attempted, need, null, clock.instant()));
  }

  /** Moves the ticket up; the next step of the process assigns the new owner. */
  @Transactional
  public Ticket escalate(long ticketId, EscalationType type, long handoffNoteId) {
    Ticket ticket = tickets.get(ticketId);
    HandoffNote note = notes.findById(handoffNoteId)
        .orElseThrow(() -> new FixableFailure("handoff note " + handoffNoteId + " not found",
            "the escalation request lost its note; check the database the app writes to"));
    int from = ticket.tier();
    int to = targetTier(from, ticket.maxTier(), type);
    String cause = note.automatic() ? causeOf(note) : Escalation.MANUAL;
    Instant now = clock.instant();
    escalations.save(new Escalation(null, ticketId, ticket.openedAt(), note.id(), type, cause, from, to, ticket.ownerUsername(), null,
        ticket.reescalationCount() > 0, now));
    Instant breachedDeadline = switch (cause) {
      case "RESPONSE_SLA_BREACHED" -> ticket.responseDueAt();
      case "RESOLUTION_SLA_BREACHED" -> ticket.resolutionDueAt();
      default -> null;
    };
    ticket.escalateTo(to, now);
    meters.escalated(type.name(), from, to, cause);
    if (breachedDeadline != null) {
      meters.handoffAfterDeadline(cause.startsWith("RESPONSE") ? "response" : "resolution", Duration.between(breachedDeadline, now));
    }
    // Until the new owner is chosen, no one acts on the ticket: the old owner no longer should, and
    // the new one is not known yet (cleared by OwnerAssignment.assign).
    ticket.beginAction(Actions.ESCALATE, note.automatic() ? AuditTrail.SYSTEM : note.author(), now);
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.ESCALATED, note.automatic() ? AuditTrail.SYSTEM : note.author(),
        "Tier " + from + " -> tier " + to + " (" + type.name().toLowerCase() + ", " + cause.toLowerCase().replace('_', ' ')
            + "). Summary: " + note.summary() + " Tried: " + note.attempted() + " Needed: " + note.need());
    return ticket;
  }

  private static String causeOf(HandoffNote note) {
    if (note.summary().startsWith(CRITERIA_SUMMARY_PREFIX)) {
      return "CRITERIA_MATCHED";
    }
    if (note.summary().startsWith(NEXT_REPLY_SUMMARY_PREFIX)) {
      return "NEXT_REPLY_SLA_BREACHED";
    }
    return note.summary().startsWith("Response") ? "RESPONSE_SLA_BREACHED" : "RESOLUTION_SLA_BREACHED";
  }
}
