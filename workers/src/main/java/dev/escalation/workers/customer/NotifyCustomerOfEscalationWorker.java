package dev.escalation.workers.customer;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import dev.escalation.workers.ticket.Tickets;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** H5: runs after the new owner and the fresh clocks are set, so the notice names both. */
@Component
public class NotifyCustomerOfEscalationWorker {
  private final OnceOnly once;
  private final Tickets tickets;
  private final CustomerNotices customer;

  NotifyCustomerOfEscalationWorker(OnceOnly once, Tickets tickets, CustomerNotices customer) {
    this.once = once;
    this.tickets = tickets;
    this.customer = customer;
  }

  @JobWorker(type = JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION)
  public Map<String, Object> notifyCustomerOfEscalation(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      customer.escalated(tickets.get(ticket.ticketId()));
      return Map.of();
    });
  }
}
