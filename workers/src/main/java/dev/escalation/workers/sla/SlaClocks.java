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
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a ticket's two SLA clocks (T2, T3, T6) and hands the process the dates its timers wait
 * for. The ledger holds the clock states; the process only holds dates and running flags.
 */
@Service
public class SlaClocks {
  private final Tickets tickets;
  private final SlaCalculator calculator;
  private final AuditTrail audit;
  private final FirstResponses firstResponses;
  private final Times times;
  private final Clock clock;

  SlaClocks(Tickets tickets, SlaCalculator calculator, AuditTrail audit, FirstResponses firstResponses, Times times, Clock clock) {
    this.tickets = tickets;
    this.calculator = calculator;
    this.audit = audit;
    this.firstResponses = firstResponses;
    this.times = times;
    this.clock = clock;
  }

  @Transactional
  public Map<String, Object> start(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    SlaClock response = calculator.responseClock(ticket.priority(), now);
    SlaClock resolution = calculator.resolutionClock(ticket.priority(), now);
    ticket.startClocks(response.dueAt(), resolution.dueAt());
    ticket.warnAt(response.warningAt(), resolution.warningAt());
    ticket.settle(InFlight.REOPEN); // the reopening that led here is carried out
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.SLA_CLOCKS_STARTED, AuditTrail.SYSTEM,
        ticket.priority() + " at tier " + ticket.tier() + ": response due " + times.format(response.dueAt())
            + ", resolution due " + times.format(resolution.dueAt()));
    return variables(response, resolution);
  }

  /** Pauses the running clocks, keeping the business time left on each; {@code actor} asked the customer (null: the system). */
  @Transactional
  public Ticket pause(long ticketId, String actor) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    Duration responseLeft = left(ticket, ticket.responseClock(), ticket.responseDueAt(), now);
    Duration resolutionLeft = left(ticket, ticket.resolutionClock(), ticket.resolutionDueAt(), now);
    ticket.pause(responseLeft, resolutionLeft);
    ticket.settle(Actions.WAIT);
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.WAITING_ON_CUSTOMER, actor == null ? AuditTrail.SYSTEM : actor,
        "SLA clocks paused while waiting on the customer: " + describeLeft("response", ticket.responseClock(), responseLeft)
            + ", " + describeLeft("resolution", ticket.resolutionClock(), resolutionLeft));
    firstResponses.update(ticketId);
    return ticket;
  }

  /** Resumes paused clocks with exactly the time that was left (business time where it applies). */
  @Transactional
  public Map<String, Object> resume(long ticketId) {
    Ticket ticket = tickets.get(ticketId);
    Instant now = clock.instant();
    SlaClock response = ticket.responseClock() == ClockState.PAUSED
        ? calculator.resume(ticket.priority(), now, Duration.ofSeconds(ticket.responseRemainingSeconds()),
            calculator.responseTarget(ticket.priority()))
        : null;
    SlaClock resolution = ticket.resolutionClock() == ClockState.PAUSED
        ? calculator.resume(ticket.priority(), now, Duration.ofSeconds(ticket.resolutionRemainingSeconds()),
            calculator.resolutionTarget(ticket.priority()))
        : null;
    ticket.resume(response == null ? null : response.dueAt(), resolution == null ? null : resolution.dueAt());
    ticket.warnAt(response == null ? null : response.warningAt(), resolution == null ? null : resolution.warningAt());
    ticket.settle(InFlight.CUSTOMER_REPLY);
    tickets.save(ticket);
    audit.record(ticketId, AuditEventType.SLA_CLOCKS_RESUMED, AuditTrail.SYSTEM,
        "SLA clocks resumed: response " + (response == null ? "already " + ticket.responseClock().name().toLowerCase() : "due " + times.format(response.dueAt()))
            + ", resolution " + (resolution == null ? "already " + ticket.resolutionClock().name().toLowerCase() : "due " + times.format(resolution.dueAt())));
    return variables(response, resolution);
  }

  /** The ticket as the clocks see it now. */
  @Transactional(readOnly = true)
  public Ticket ticket(long ticketId) {
    return tickets.get(ticketId);
  }

  public static boolean isRunning(Ticket ticket, String clockName) {
    return (Clocks.RESPONSE.equals(clockName) ? ticket.responseClock() : ticket.resolutionClock()) == ClockState.RUNNING;
  }

  private Duration left(Ticket ticket, ClockState state, Instant dueAt, Instant now) {
    return state == ClockState.RUNNING ? calculator.remaining(ticket.priority(), now, dueAt) : Duration.ZERO;
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
