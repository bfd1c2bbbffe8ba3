package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.JobTypes;
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
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * T4: warns the owner at 75% of a clock. Once per clock and assignment: a timer that fires again
 * after a pause (its date already past) finds the warning already sent.
 */
@Component
public class NotifySlaWarningWorker {
  private final OnceOnly once;
  private final SlaClocks clocks;
  private final RosterRepository roster;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Times times;

  NotifySlaWarningWorker(OnceOnly once, SlaClocks clocks, RosterRepository roster, AuditTrail audit, Outbox outbox, Times times) {
    this.once = once;
    this.clocks = clocks;
    this.roster = roster;
    this.audit = audit;
    this.outbox = outbox;
    this.times = times;
  }

  @JobWorker(type = JobTypes.NOTIFY_SLA_WARNING)
  public Map<String, Object> notifySlaWarning(ActivatedJob job, @VariablesAsType ClockJob warning) {
    return once.run(job, warning.ticketId(), () -> {
      Ticket ticket = clocks.ticket(warning.ticketId());
      if (!SlaClocks.isRunning(ticket, warning.clock())) {
        return Map.of();
      }
      var owner = roster.findById(ticket.ownerUsername()).orElseThrow(() -> new FixableFailure(
          "owner " + ticket.ownerUsername() + " of ticket " + ticket.id() + " is not on the roster",
          "put " + ticket.ownerUsername() + " back on the roster (roster_member), then retry"));
      String clockName = warning.clock().toLowerCase();
      var due = "RESPONSE".equals(warning.clock()) ? ticket.responseDueAt() : ticket.resolutionDueAt();
      boolean first = outbox.enqueue(new Outbox.Message(
          "SLA_WARNING:" + ticket.id() + ":" + warning.clock() + ":" + ticket.clockEpoch(), ticket.id(), NotificationKind.SLA_WARNING,
          owner.email(), owner.displayName(), Channel.EMAIL,
          "[#" + ticket.id() + "] " + clockName + " SLA at 75%: due " + times.format(due),
          "Hello " + owner.displayName() + ",\n\nticket #" + ticket.id() + " (" + ticket.priority() + ", " + ticket.subject()
              + ") must get its " + clockName + " by " + times.format(due) + ". After that it escalates to the next tier."));
      if (first) {
        audit.record(ticket.id(), AuditEventType.SLA_WARNING, AuditTrail.SYSTEM,
            clockName + " SLA at 75% for " + owner.username() + ": due " + times.format(due));
      }
      return Map.of();
    });
  }
}
