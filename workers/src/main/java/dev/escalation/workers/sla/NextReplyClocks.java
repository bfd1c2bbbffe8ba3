package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.Tickets;
import dev.escalation.workers.ticket.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S3: the next-reply clock. When the applied SLA policy row has a {@code nextReplyTarget}, a customer
 * message the owner has not answered yet starts it (an earlier one still running is kept); the owner's reply
 * meets it; waiting on the customer pauses it with the time left, like the other clocks (T6); it warns at the
 * row's thresholds and breaches like the response clock. Counted in the row's calendar.
 */
@Service
public class NextReplyClocks {
  private final Tickets tickets;
  private final SlaPolicies policies;
  private final NextReplyLedger ledger;
  private final TicketMessageRepository messages;
  private final AuditTrail audit;
  private final Times times;
  private final Clock clock;

  NextReplyClocks(Tickets tickets, SlaPolicies policies, NextReplyLedger ledger, TicketMessageRepository messages, AuditTrail audit,
      Times times, Clock clock) {
    this.tickets = tickets;
    this.policies = policies;
    this.ledger = ledger;
    this.messages = messages;
    this.audit = audit;
    this.times = times;
    this.clock = clock;
  }

  /**
   * The customer wrote: starts the clock when the policy row has a next-reply target and the customer has the
   * last word in the conversation (an answer that came in the meantime covers the message). Returns the
   * process variables of the clock that runs now, the earlier one if it still runs.
   */
  @Transactional
  public Map<String, Object> customerWrote(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    Optional<NextReplyClock> current = ledger.lock(ticketId);
    if (current.isPresent() && current.get().running()) {
      return variables(current.get());
    }
    AppliedSlaPolicy policy = policies.current(ticket);
    Duration target = policy.nextReply();
    if (target == null || !customerHasTheLastWord(ticketId)) {
      return variables(null);
    }
    SupportCalendar calendar = policies.calendar(policy);
    Instant now = clock.instant();
    NextReplyClock started = new NextReplyClock(ClockState.RUNNING, now, calendar.plus(now, target),
        WarningSchedule.first(calendar, now, target, Duration.ZERO, policy.thresholds()), null,
        current.map(NextReplyClock::number).orElse(0) + 1);
    ledger.save(ticketId, started, now);
    audit.record(ticketId, AuditEventType.NEXT_REPLY_CLOCK_STARTED, AuditTrail.SYSTEM,
        "The customer awaits a reply: next reply due " + times.format(started.dueAt()) + " (" + Durations.format(target) + " in "
            + policy.calendar() + ", rule " + policy.ruleId() + ")");
    return variables(started);
  }

  /** The owner answered the customer: a running clock is met. True when one was running. */
  @Transactional
  public boolean answered(long ticketId, String by) {
    Optional<NextReplyClock> current = ledger.lock(ticketId);
    if (current.isEmpty() || !current.get().running()) {
      return false;
    }
    NextReplyClock running = current.get();
    ledger.save(ticketId, new NextReplyClock(ClockState.MET, running.startedAt(), running.dueAt(), running.warningAt(), null, running.number()),
        clock.instant());
    audit.record(ticketId, AuditEventType.NEXT_REPLY_MET, by, "Next reply given (due " + times.format(running.dueAt()) + ")");
    return true;
  }

  /** The clock as the ledger holds it; empty when the ticket never had one (NONE). */
  @Transactional(readOnly = true)
  public Optional<NextReplyClock> of(long ticketId) {
    return ledger.get(ticketId);
  }

  /** T6: waiting on the customer pauses a running clock; returns the business time left on it. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Duration> pause(long ticketId, SupportCalendar calendar, Instant now) {
    return ledger.lock(ticketId).filter(NextReplyClock::running).map(running -> {
      Duration left = calendar.between(now, running.dueAt());
      ledger.save(ticketId, new NextReplyClock(ClockState.PAUSED, running.startedAt(), null, null, left.toSeconds(), running.number()), now);
      return left;
    });
  }

  /** T6: the customer replied; a paused clock runs again with exactly the time that was left. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<NextReplyClock> resume(long ticketId, AppliedSlaPolicy policy, SupportCalendar calendar, Instant now) {
    return ledger.lock(ticketId).filter(paused -> paused.state() == ClockState.PAUSED).map(paused -> {
      Duration left = Duration.ofSeconds(paused.remainingSeconds());
      Duration target = policy.nextReply() == null ? left : policy.nextReply();
      Duration used = target.compareTo(left) > 0 ? target.minus(left) : Duration.ZERO;
      NextReplyClock resumed = new NextReplyClock(ClockState.RUNNING, paused.startedAt(), calendar.plus(now, left),
          WarningSchedule.first(calendar, now, target, used, policy.thresholds()), null, paused.number());
      ledger.save(ticketId, resumed, now);
      return resumed;
    });
  }

  /**
   * S4: the priority changed and {@code after} replaces {@code before}: a running clock goes on with the time it
   * already spent (in the old row's calendar) against the new row's target, in the new row's calendar. A new row
   * without a next-reply target ends the promise: the clock is no longer kept (NONE). Returns the clock now.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<NextReplyClock> recompute(long ticketId, AppliedSlaPolicy before, SupportCalendar oldCalendar, AppliedSlaPolicy after,
      SupportCalendar calendar, Instant now) {
    Optional<NextReplyClock> current = ledger.lock(ticketId).filter(NextReplyClock::running);
    if (current.isEmpty() || before.nextReply() == null) {
      return current;
    }
    NextReplyClock running = current.get();
    if (after.nextReply() == null) {
      ledger.save(ticketId, new NextReplyClock(ClockState.NOT_STARTED, running.startedAt(), null, null, null, running.number()), now);
      return Optional.empty();
    }
    Duration left = oldCalendar.between(now, running.dueAt());
    Duration spent = before.nextReply().compareTo(left) > 0 ? before.nextReply().minus(left) : Duration.ZERO;
    Duration target = after.nextReply();
    Duration stillLeft = target.compareTo(spent) > 0 ? target.minus(spent) : Duration.ZERO;
    NextReplyClock recomputed = new NextReplyClock(ClockState.RUNNING, running.startedAt(), calendar.plus(now, stillLeft),
        WarningSchedule.first(calendar, now, target, spent, after.thresholds()), null, running.number());
    ledger.save(ticketId, recomputed, now);
    return Optional.of(recomputed);
  }

  /** The clock breached: recorded as such; returns the date it was due. */
  @Transactional(propagation = Propagation.MANDATORY)
  Instant breached(long ticketId) {
    NextReplyClock current = ledger.lock(ticketId)
        .orElseThrow(() -> new IllegalStateException("ticket " + ticketId + " has no next-reply clock"));
    if (current.running()) {
      ledger.save(ticketId,
          new NextReplyClock(ClockState.BREACHED, current.startedAt(), current.dueAt(), current.warningAt(), null, current.number()),
          clock.instant());
    }
    return current.dueAt();
  }

  /** The process variables of the ticket's clock: running or not, and its dates (a handoff carries a running clock over). */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<String, Object> processVariables(long ticketId) {
    return variables(ledger.get(ticketId).filter(NextReplyClock::running).orElse(null));
  }

  private boolean customerHasTheLastWord(long ticketId) {
    List<TicketMessage> conversation = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId);
    return !conversation.isEmpty() && conversation.getLast().direction() == TicketMessage.Direction.FROM_CUSTOMER;
  }

  static Map<String, Object> variables(NextReplyClock running) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.NEXT_REPLY_CLOCK_RUNNING, running != null && running.running());
    vars.put(Variables.NEXT_REPLY_WARNING_AT, running == null ? null : running.warningAt().toString());
    vars.put(Variables.NEXT_REPLY_DUE_AT, running == null ? null : running.dueAt().toString());
    return vars;
  }
}
