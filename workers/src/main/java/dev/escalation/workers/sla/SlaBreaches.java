package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.Clocks;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.EscalationType;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.handoff.Handoffs;
import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import dev.escalation.workers.ticket.Times;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SlaBreaches {
  private final Tickets tickets;
  private final Handoffs handoffs;
  private final RosterRepository roster;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Times times;
  private final SlaPolicies policies;
  private final EscalationMeters meters;
  private final NextReplyClocks nextReplies;

  SlaBreaches(Tickets tickets, Handoffs handoffs, RosterRepository roster, AuditTrail audit, Outbox outbox, Times times,
      SlaPolicies policies, EscalationMeters meters, NextReplyClocks nextReplies) {
    this.nextReplies = nextReplies;
    this.meters = meters;
    this.tickets = tickets;
    this.handoffs = handoffs;
    this.roster = roster;
    this.audit = audit;
    this.outbox = outbox;
    this.times = times;
    this.policies = policies;
  }

  /** "response", "resolution", "next reply": how people read a clock's name. */
  static String name(String clockName) {
    return clockName.toLowerCase().replace('_', ' ');
  }

  record Outcome(boolean canEscalate, EscalationType escalationType, Long handoffNoteId) {}

  @Transactional
  Outcome record(long ticketId, String clockName, long jobKey) {
    Ticket ticket = tickets.get(ticketId);
    Instant due;
    if (Clocks.NEXT_REPLY.equals(clockName)) {
      due = nextReplies.breached(ticketId); // S3: the next-reply clock lives in its own ledger
    } else {
      boolean response = Clocks.RESPONSE.equals(clockName);
      due = response ? ticket.responseDueAt() : ticket.resolutionDueAt();
      ticket.breached(response);
      tickets.save(ticket);
    }
    boolean canEscalate = !ticket.isAtTopTier();
    meters.breached(clockName, ticket.tier());
    audit.record(ticketId, AuditEventType.SLA_BREACHED, AuditTrail.SYSTEM,
        name(clockName) + " SLA breached at tier " + ticket.tier() + " (due " + times.format(due) + ", owner "
            + ticket.ownerUsername() + ")" + (canEscalate ? "; escalating" : "; top tier reached, alerting the head of support"));
    roster.findById(ticket.ownerUsername()).ifPresent(owner -> outbox.enqueue(new Outbox.Message(
        "SLA_BREACH:" + ticketId + ":" + jobKey, ticketId, NotificationKind.SLA_BREACH, owner.email(), owner.displayName(),
        Channel.EMAIL, "[#" + ticketId + "] " + name(clockName) + " SLA breached",
        "Hello " + owner.displayName() + ",\n\nthe " + name(clockName) + " SLA of ticket #" + ticketId + " ("
            + ticket.subject() + ") was due " + times.format(due) + " and has breached. "
            + (canEscalate ? "The ticket is being escalated to tier " + (ticket.tier() + 1) + "." : "The head of support has been alerted."))));
    if (policies.current(ticket).notifyManagerOnBreach()) {
      tellManager(ticket, clockName, due, jobKey, canEscalate);
    }
    if (!canEscalate) {
      return new Outcome(false, null, null);
    }
    HandoffNote note = handoffs.automaticNote(ticket, clockName, due);
    return new Outcome(true, note.escalationType(), note.id());
  }

  /** S1: the applied policy row asks that a breach also reaches a manager: the on-duty one first. */
  private void tellManager(Ticket ticket, String clockName, Instant due, long jobKey, boolean escalating) {
    roster.byRoleOnDutyFirst(Role.MANAGER.name()).stream().findFirst().ifPresent(manager -> outbox.enqueue(new Outbox.Message(
        "SLA_BREACH_MANAGER:" + ticket.id() + ":" + jobKey, ticket.id(), NotificationKind.SLA_BREACH, manager.email(),
        manager.displayName(), Channel.EMAIL, "[#" + ticket.id() + "] " + name(clockName) + " SLA breached at tier " + ticket.tier(),
        "Hello " + manager.displayName() + ",\n\nthe " + name(clockName) + " SLA of ticket #" + ticket.id() + " ("
            + ticket.priority() + ", " + ticket.subject() + ", owner " + ticket.ownerUsername() + ") was due " + times.format(due)
            + " and has breached. Its SLA policy asks that a manager hears of it. "
            + (escalating ? "The ticket is being escalated to tier " + (ticket.tier() + 1) + "." : "The head of support has been alerted."))));
  }
}
