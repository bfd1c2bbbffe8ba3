package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Clocks;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.FirstResponses;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.InFlight;
import dev.escalation.workers.ticket.Ticket;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a ticket's two SLA clocks (T2, T3, T6) with the targets, calendar and warning thresholds of
 * the SLA policy row in force (S1), and hands the process the dates its timers wait for. The ledger holds the clock states; the process only holds dates and running flags.
 */
@Service
public class SlaClocks {
  private final Tickets tickets;
  private final SlaPolicies policies;
  private final AuditTrail audit;
  private final FirstResponses firstResponses;
  private final Times times;
  private final Clock clock;
  private final NextReplyClocks nextReplies;

  SlaClocks(Tickets tickets, SlaPolicies policies, AuditTrail audit, FirstResponses firstResponses, Times times, Clock clock,
      NextReplyClocks nextReplies) {
    this.nextReplies = nextReplies;
    this.tickets = tickets;
    this.policies = policies;
    this.audit = audit;
    this.firstResponses = firstResponses;
    this.times = times;
    this.clock = clock;
  }

  /**
   * Starts both clocks with the policy the SLA policy table just gave ({@code decision}; null in a process
   * version without the table) and records that policy on the ticket (S5).
   */
  @Transactional
  public Map<String, Object> start(long ticketId, Map<String, Object> decision, long processDefinitionKey, int processVersion) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    AppliedSlaPolicy policy = policies.apply(ticket, decision, processDefinitionKey, processVersion);
    SupportCalendar calendar = policies.calendar(policy);
    // The customer's first clocks count from when they asked, not from when this job ran: jobs waiting
    // in a backlog (a restart, a storm of breaches) must not give the team time the promise does not.
    Duration waited = ticket.responseDueAt() == null && ticket.resolutionDueAt() == null && ticket.openedAt().isBefore(now)
        ? calendar.between(ticket.openedAt(), now)
        : Duration.ZERO;
    SlaClock response = goOn(calendar, now, waited, policy.response(), policy.thresholds());
    SlaClock resolution = goOn(calendar, now, waited, policy.resolution(), policy.thresholds());
    ticket.startClocks(response.dueAt(), resolution.dueAt());
    ticket.warnAt(response.warningAt(), resolution.warningAt());
    ticket.settle(InFlight.REOPEN); // the reopening that led here is carried out
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.SLA_CLOCKS_STARTED, AuditTrail.SYSTEM,
        ticket.priority() + " at tier " + ticket.tier() + ": response due " + times.format(response.dueAt())
            + ", resolution due " + times.format(resolution.dueAt()) + " (" + policy.calendar() + ", rule " + policy.ruleId() + ")");
    Map<String, Object> vars = variables(response, resolution);
    vars.putAll(nextReplies.processVariables(ticketId)); // S3: a next-reply clock running before the handoff goes on
    return vars;
  }

  /**
   * S4: the priority changed; the policy row of the new priority replaces the old one and every running
   * clock goes on with the time it already spent (counted in the old row's calendar) against the new
   * target: a P3 raised to P1 after 20 minutes is due at once. Met or breached clocks stay as they are.
   */
  @Transactional
  public Map<String, Object> recomputeForPriority(long ticketId, Map<String, Object> decision, long processDefinitionKey,
      int processVersion) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    AppliedSlaPolicy before = policies.current(ticket);
    SupportCalendar oldCalendar = policies.calendar(before);
    AppliedSlaPolicy after = policies.apply(ticket, decision, processDefinitionKey, processVersion);
    SupportCalendar calendar = policies.calendar(after);
    SlaClock response = ticket.responseClock() == ClockState.RUNNING
        ? goOn(calendar, now, spent(oldCalendar, now, ticket.responseDueAt(), before.response()), after.response(), after.thresholds())
        : null;
    SlaClock resolution = ticket.resolutionClock() == ClockState.RUNNING
        ? goOn(calendar, now, spent(oldCalendar, now, ticket.resolutionDueAt(), before.resolution()), after.resolution(),
            after.thresholds())
        : null;
    Optional<NextReplyClock> nextReply = nextReplies.recompute(ticketId, before, oldCalendar, after, calendar, now);
    ticket.recomputeClocks(response == null ? null : response.dueAt(), resolution == null ? null : resolution.dueAt());
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.SLA_CLOCKS_STARTED, AuditTrail.SYSTEM,
        ticket.priority() + " at tier " + ticket.tier() + ", time already spent counted: response "
            + (response == null ? ticket.responseClock().name().toLowerCase() : "due " + times.format(response.dueAt()))
            + ", resolution " + (resolution == null ? ticket.resolutionClock().name().toLowerCase() : "due " + times.format(resolution.dueAt()))
            + nextReply.map(c -> ", next reply due " + times.format(c.dueAt())).orElse("")
            + " (" + after.calendar() + ", rule " + after.ruleId() + ")");
    Map<String, Object> vars = variables(response, resolution);
    vars.putAll(NextReplyClocks.variables(nextReply.orElse(null)));
    return vars;
  }

  /** Pauses the running clocks, keeping the business time left on each; {@code actor} asked the customer (null: the system). */
  @Transactional
  public Ticket pause(long ticketId, String actor) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    SupportCalendar calendar = policies.calendar(policies.current(ticket));
    Duration responseLeft = left(calendar, ticket.responseClock(), ticket.responseDueAt(), now);
    Duration resolutionLeft = left(calendar, ticket.resolutionClock(), ticket.resolutionDueAt(), now);
    Optional<Duration> nextReplyLeft = nextReplies.pause(ticketId, calendar, now);
    ticket.pause(responseLeft, resolutionLeft);
    ticket.settle(Actions.WAIT);
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.WAITING_ON_CUSTOMER, actor == null ? AuditTrail.SYSTEM : actor,
        "SLA clocks paused while waiting on the customer: " + describeLeft("response", ticket.responseClock(), responseLeft)
            + ", " + describeLeft("resolution", ticket.resolutionClock(), resolutionLeft)
            + nextReplyLeft.map(left -> ", next reply " + Durations.format(left) + " left").orElse(""));
    firstResponses.update(ticketId);
    return ticket;
  }

  /** Resumes paused clocks with exactly the time that was left (business time where it applies). */
  @Transactional
  public Map<String, Object> resume(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    AppliedSlaPolicy policy = policies.current(ticket);
    SupportCalendar calendar = policies.calendar(policy);
    SlaClock response = ticket.responseClock() == ClockState.PAUSED
        ? resumeClock(calendar, now, Duration.ofSeconds(ticket.responseRemainingSeconds()), policy.response(), policy.thresholds())
        : null;
    SlaClock resolution = ticket.resolutionClock() == ClockState.PAUSED
        ? resumeClock(calendar, now, Duration.ofSeconds(ticket.resolutionRemainingSeconds()), policy.resolution(), policy.thresholds())
        : null;
    Optional<NextReplyClock> nextReply = nextReplies.resume(ticketId, policy, calendar, now);
    ticket.resume(response == null ? null : response.dueAt(), resolution == null ? null : resolution.dueAt());
    ticket.warnAt(response == null ? null : response.warningAt(), resolution == null ? null : resolution.warningAt());
    ticket.settle(InFlight.CUSTOMER_REPLY);
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.SLA_CLOCKS_RESUMED, AuditTrail.SYSTEM,
        "SLA clocks resumed: response " + (response == null ? "already " + ticket.responseClock().name().toLowerCase() : "due " + times.format(response.dueAt()))
            + ", resolution " + (resolution == null ? "already " + ticket.resolutionClock().name().toLowerCase() : "due " + times.format(resolution.dueAt()))
            + nextReply.map(clock -> ", next reply due " + times.format(clock.dueAt())).orElse(""));
    Map<String, Object> vars = variables(response, resolution);
    vars.putAll(NextReplyClocks.variables(nextReply.orElse(null)));
    return vars;
  }

  /** The ticket as the clocks see it now. */
  @Transactional(readOnly = true)
  public Ticket ticket(long ticketId) {
    return tickets.get(ticketId);
  }

  public static boolean isRunning(Ticket ticket, String clockName) {
    return (Clocks.RESPONSE.equals(clockName) ? ticket.responseClock() : ticket.resolutionClock()) == ClockState.RUNNING;
  }

  private Duration left(SupportCalendar calendar, ClockState state, Instant dueAt, Instant now) {
    return state == ClockState.RUNNING ? calendar.between(now, dueAt) : Duration.ZERO;
  }

  /** The part of {@code target} a running clock due at {@code dueAt} has used by {@code now}, in its calendar. */
  private static Duration spent(SupportCalendar calendar, Instant now, Instant dueAt, Duration target) {
    Duration left = calendar.between(now, dueAt);
    return target.compareTo(left) > 0 ? target.minus(left) : Duration.ZERO;
  }

  private static SlaClock goOn(SupportCalendar calendar, Instant now, Duration spent, Duration target, List<Double> thresholds) {
    Duration left = target.compareTo(spent) > 0 ? target.minus(spent) : Duration.ZERO;
    return new SlaClock(now, WarningSchedule.first(calendar, now, target, spent, thresholds), calendar.plus(now, left));
  }

  /** T6: a paused clock goes on with exactly the time that was left; warnings already behind it are not repeated. */
  private static SlaClock resumeClock(SupportCalendar calendar, Instant now, Duration left, Duration target, List<Double> thresholds) {
    Duration used = target.compareTo(left) > 0 ? target.minus(left) : Duration.ZERO;
    return new SlaClock(now, WarningSchedule.first(calendar, now, target, used, thresholds), calendar.plus(now, left));
  }

  private static String describeLeft(String name, ClockState state, Duration left) {
    return state == ClockState.PAUSED ? name + " " + Durations.format(left) + " left" : name + " " + state.name().toLowerCase();
  }

  private static Map<String, Object> variables(SlaClock response, SlaClock resolution) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.RESPONSE_CLOCK_RUNNING, response != null);
    vars.put(Variables.RESPONSE_WARNING_AT, response == null ? null : response.warningAt().toString());
    vars.put(Variables.RESPONSE_DUE_AT, response == null ? null : response.dueAt().toString());
    vars.put(Variables.RESOLUTION_CLOCK_RUNNING, resolution != null);
    vars.put(Variables.RESOLUTION_WARNING_AT, resolution == null ? null : resolution.warningAt().toString());
    vars.put(Variables.RESOLUTION_DUE_AT, resolution == null ? null : resolution.dueAt().toString());
    return vars;
  }

}
