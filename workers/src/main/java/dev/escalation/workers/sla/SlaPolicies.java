package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.SlaPolicy;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * S1, S5: turns a result of the SLA policy table into the policy a ticket's clocks count with, and
 * records it. A ticket whose process version has no policy table (started before it was deployed)
 * keeps the targets of {@code escalation.sla.targets} for its priority.
 */
@Service
public class SlaPolicies {
  static final String PROPERTIES_RULE_PREFIX = "properties-";

  private final AppliedSlaPolicyRepository applied;
  private final SupportCalendars calendars;
  private final SlaProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  SlaPolicies(AppliedSlaPolicyRepository applied, SupportCalendars calendars, SlaProperties properties, AuditTrail audit,
      Clock clock) {
    this.applied = applied;
    this.calendars = calendars;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records the policy the decision gave for the clocks started now; a missing result falls back to the properties. */
  AppliedSlaPolicy apply(Ticket ticket, Map<String, Object> decision, long processDefinitionKey, int processVersion) {
    AppliedSlaPolicy policy = decision == null
        ? fromProperties(ticket, processDefinitionKey, processVersion)
        : fromDecision(ticket.id(), decision, processDefinitionKey, processVersion);
    AppliedSlaPolicy saved = applied.save(policy);
    audit.record(ticket.id(), AuditEventType.SLA_POLICY_APPLIED, AuditTrail.SYSTEM,
        ticket.priority() + " at tier " + ticket.tier() + ": " + saved.describe()
            + (saved.reason() == null ? "" : ". " + saved.reason()));
    return saved;
  }

  /** The policy in force: the one that started the ticket's current clocks. */
  AppliedSlaPolicy current(Ticket ticket) {
    return applied.findFirstByTicketIdOrderByIdDesc(ticket.id()).orElseGet(() -> fromProperties(ticket, 0, 0));
  }

  SupportCalendar calendar(AppliedSlaPolicy policy) {
    return calendars.named(policy.calendar());
  }

  private AppliedSlaPolicy fromProperties(Ticket ticket, long processDefinitionKey, int processVersion) {
    SlaTarget target = properties.target(ticket.priority());
    return new AppliedSlaPolicy(null, ticket.id(), PROPERTIES_RULE_PREFIX + ticket.priority().name().toLowerCase(),
        "no SLA policy table in this process version: escalation.sla.targets", target.response().toString(),
        target.resolution().toString(), null,
        target.businessHours() ? CalendarNames.BUSINESS_HOURS : CalendarNames.TWENTY_FOUR_SEVEN,
        String.valueOf(properties.warningRatio()), false, processDefinitionKey, processVersion, clock.instant());
  }

  private AppliedSlaPolicy fromDecision(long ticketId, Map<String, Object> out, long processDefinitionKey, int processVersion) {
    Object ruleId = out.get(SlaPolicy.RULE_ID);
    if (ruleId == null) {
      throw fix(ticketId, "no row of " + SlaPolicy.DECISION_ID + " matched (or its row sets no ruleId)",
          "add a row that matches (every priority P1..P4 needs one) with a ruleId output, redeploy, then retry the job in Operate");
    }
    String rule = ruleId.toString();
    Duration response = duration(out.get(SlaPolicy.RESPONSE_TARGET), SlaPolicy.RESPONSE_TARGET, rule, ticketId, false);
    Duration resolution = duration(out.get(SlaPolicy.RESOLUTION_TARGET), SlaPolicy.RESOLUTION_TARGET, rule, ticketId, false);
    Duration nextReply = duration(out.get(SlaPolicy.NEXT_REPLY_TARGET), SlaPolicy.NEXT_REPLY_TARGET, rule, ticketId, true);
    String calendar = String.valueOf(out.get(SlaPolicy.CALENDAR));
    try {
      calendars.named(calendar);
    } catch (IllegalArgumentException e) {
      throw fix(ticketId, "rule " + rule + " of " + SlaPolicy.DECISION_ID + " names calendar '" + calendar + "': " + e.getMessage(),
          "give the row a calendar that exists, redeploy the table, then retry the job in Operate");
    }
    List<Double> thresholds = thresholds(out.get(SlaPolicy.WARNING_THRESHOLDS), rule, ticketId);
    Object reason = out.get(SlaPolicy.REASON);
    return new AppliedSlaPolicy(null, ticketId, rule, reason == null ? null : reason.toString(), response.toString(),
        resolution.toString(), nextReply == null ? null : nextReply.toString(), calendar,
        AppliedSlaPolicy.thresholds(thresholds), Boolean.TRUE.equals(out.get(SlaPolicy.NOTIFY_MANAGER_ON_BREACH)),
        processDefinitionKey, processVersion, clock.instant());
  }

  private static Duration duration(Object value, String output, String rule, long ticketId, boolean optional) {
    if (value == null && optional) {
      return null;
    }
    try {
      Duration duration = Duration.parse(String.valueOf(value));
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw fix(ticketId, "rule " + rule + " of " + SlaPolicy.DECISION_ID + " gives " + output + " '" + value + "'",
        "make it a positive ISO-8601 duration such as \"PT4H\"" + (optional ? " or null" : "")
            + ", redeploy the table, then retry the job in Operate");
  }

  private static List<Double> thresholds(Object value, String rule, long ticketId) {
    List<Double> shares = new ArrayList<>();
    if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object share : list) {
        if (!(share instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() >= 1) {
          shares.clear();
          break;
        }
        shares.add(n.doubleValue());
      }
    }
    if (shares.isEmpty()) {
      throw fix(ticketId, "rule " + rule + " of " + SlaPolicy.DECISION_ID + " gives warningThresholds '" + value + "'",
          "make it a list of shares strictly between 0 and 1, such as [0.5, 0.75], redeploy the table, then retry the job in Operate");
    }
    return shares;
  }

  private static FixableFailure fix(long ticketId, String message, String whatToDo) {
    return new FixableFailure(message + " for ticket " + ticketId, whatToDo);
  }
}
