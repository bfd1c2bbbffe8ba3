package dev.escalation.workers.devtask;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** N3: files the ticket's bug in the dev team's tracker; returns {@code devTaskKey}. */
@Component
public class CreateDevTaskWorker {
  private final OnceOnly once;
  private final DevTasks devTasks;

  CreateDevTaskWorker(OnceOnly once, DevTasks devTasks) {
    this.once = once;
    this.devTasks = devTasks;
  }

  @JobWorker(type = JobTypes.CREATE_DEV_TASK)
  public Map<String, Object> createDevTask(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> devTasks.createFor(ticket.ticketId()));
  }
}
