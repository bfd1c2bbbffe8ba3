package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.Clocks;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A clock breached: record it, tell the owner, and decide whether a higher tier takes over. */
@Component
public class RecordSlaBreachWorker {
  private final OnceOnly once;
  private final SlaBreaches breaches;

  RecordSlaBreachWorker(OnceOnly once, SlaBreaches breaches) {
    this.once = once;
    this.breaches = breaches;
  }

  @JobWorker(type = JobTypes.RECORD_SLA_BREACH)
  public Map<String, Object> recordSlaBreach(ActivatedJob job, @VariablesAsType ClockJob breach) {
    return once.run(job, breach.ticketId(), () -> {
      SlaBreaches.Outcome outcome = breaches.record(breach.ticketId(), breach.clock(), job.getKey());
      Map<String, Object> vars = new HashMap<>();
      vars.put(Variables.CAN_ESCALATE, outcome.canEscalate());
      if (outcome.canEscalate()) {
        vars.put(Variables.ESCALATION_TYPE, outcome.escalationType().name());
        vars.put(Variables.HANDOFF_NOTE_ID, outcome.handoffNoteId());
      } else {
        // At the top tier the breached clock stops, so the head of support is alerted once, not in a loop.
        vars.put(runningVariable(breach.clock()), false);
      }
      if (Clocks.NEXT_REPLY.equals(breach.clock())) {
        vars.put(Variables.NEXT_REPLY_CLOCK_RUNNING, false); // S3: a breached next-reply clock is over at any tier
      }
      return vars;
    });
  }

  private static String runningVariable(String clock) {
    return switch (clock) {
      case Clocks.RESPONSE -> Variables.RESPONSE_CLOCK_RUNNING;
      case Clocks.RESOLUTION -> Variables.RESOLUTION_CLOCK_RUNNING;
      default -> Variables.NEXT_REPLY_CLOCK_RUNNING;
    };
  }
}
