package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.Clocks;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Times;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * T4, S1: warns the owner at each warning threshold of the policy in force (75% by default), and
 * hands the process the date of the next one ({@code responseWarningsLeft}/{@code resolutionWarningsLeft} say whether there is one). Once per clock, threshold and assignment:
 * a timer that fires again after a pause (its date already past) finds the warning already sent.
 */
@Component
public class NotifySlaWarningWorker {
  private final OnceOnly once;
  private final SlaClocks clocks;
  private final RosterRepository roster;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Times times;
  private final SlaPolicies policies;
  private final Clock clock;
  private final NextReplyClocks nextReplies;

  NotifySlaWarningWorker(OnceOnly once, SlaClocks clocks, RosterRepository roster, AuditTrail audit, Outbox outbox, Times times,
      SlaPolicies policies, Clock clock, NextReplyClocks nextReplies) {
    this.nextReplies = nextReplies;
    this.once = once;
    this.clocks = clocks;
    this.roster = roster;
    this.audit = audit;
    this.outbox = outbox;
    this.times = times;
    this.policies = policies;
    this.clock = clock;
  }

  @JobWorker(type = JobTypes.NOTIFY_SLA_WARNING)
  public Map<String, Object> notifySlaWarning(ActivatedJob job, @VariablesAsType ClockJob warning) {
    return once.run(job, warning.ticketId(), () -> {
      Ticket ticket = clocks.ticket(warning.ticketId());
      AppliedSlaPolicy policy = policies.current(ticket);
      Watched watched = watched(ticket, warning.clock(), policy);
      Map<String, Object> next = new HashMap<>();
      next.put(watched.warningsLeftVariable(), false);
      if (!watched.running()) {
        return next;
      }
      Instant now = clock.instant();
      SupportCalendar calendar = policies.calendar(policy);
      Duration target = watched.target();
      Duration left = calendar.between(now, watched.due());
      Duration used = target.compareTo(left) > 0 ? target.minus(left) : Duration.ZERO;
      WarningSchedule.reached(target, used, policy.thresholds())
          .ifPresent(share -> warn(ticket, warning.clock(), watched.name(), watched.epoch(), watched.due(), share));
      WarningSchedule.next(calendar, now, target, used, policy.thresholds())
          .ifPresent(at -> {
            next.put(watched.warningAtVariable(), at.toString());
            next.put(watched.warningsLeftVariable(), true);
          });
      return next;
    });
  }

  /** One clock as the warning sees it: whether it runs, its due date and target, and the key of its current run. */
  private record Watched(boolean running, Instant due, Duration target, String name, String epoch, String warningAtVariable,
      String warningsLeftVariable) {}

  private Watched watched(Ticket ticket, String clockKey, AppliedSlaPolicy policy) {
    return switch (clockKey) {
      case Clocks.RESPONSE -> new Watched(SlaClocks.isRunning(ticket, clockKey), ticket.responseDueAt(), policy.response(), "response",
          String.valueOf(ticket.clockEpoch()), Variables.RESPONSE_WARNING_AT, Variables.RESPONSE_WARNINGS_LEFT);
      case Clocks.RESOLUTION -> new Watched(SlaClocks.isRunning(ticket, clockKey), ticket.resolutionDueAt(), policy.resolution(), "resolution",
          String.valueOf(ticket.clockEpoch()), Variables.RESOLUTION_WARNING_AT, Variables.RESOLUTION_WARNINGS_LEFT);
      case Clocks.NEXT_REPLY -> {
        // S3: the ledger's clock; its number keys the warnings, so each next-reply clock warns once per threshold
        NextReplyClock nextReply = nextReplies.of(ticket.id()).filter(NextReplyClock::running).orElse(null);
        Duration target = policy.nextReply();
        yield new Watched(nextReply != null && target != null, nextReply == null ? null : nextReply.dueAt(), target, "next reply",
            "NR" + (nextReply == null ? 0 : nextReply.number()), Variables.NEXT_REPLY_WARNING_AT, Variables.NEXT_REPLY_WARNINGS_LEFT);
      }
      default -> throw new IllegalArgumentException("unknown clock " + clockKey);
    };
  }

  private void warn(Ticket ticket, String clockKey, String clockName, String epoch, Instant due, double share) {
    var owner = roster.findById(ticket.ownerUsername()).orElseThrow(() -> new FixableFailure(
        "owner " + ticket.ownerUsername() + " of ticket " + ticket.id() + " is not on the roster",
        "put " + ticket.ownerUsername() + " back on the roster (roster_member), then retry"));
    long percent = Math.round(share * 100);
    boolean first = outbox.enqueue(new Outbox.Message(
        "SLA_WARNING:" + ticket.id() + ":" + clockKey + ":" + epoch + ":" + percent, ticket.id(),
        NotificationKind.SLA_WARNING, owner.email(), owner.displayName(), Channel.EMAIL,
        "[#" + ticket.id() + "] " + clockName + " SLA at " + percent + "%: due " + times.format(due),
        "Hello " + owner.displayName() + ",\n\nticket #" + ticket.id() + " (" + ticket.priority() + ", " + ticket.subject()
            + ") must get its " + clockName + " by " + times.format(due) + ". After that it escalates to the next tier."));
    if (first) {
      audit.record(ticket.id(), AuditEventType.SLA_WARNING, AuditTrail.SYSTEM,
          clockName + " SLA at " + percent + "% for " + owner.username() + ": due " + times.format(due));
    }
  }
}
