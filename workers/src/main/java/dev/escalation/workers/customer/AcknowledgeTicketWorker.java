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

@Component
public class AcknowledgeTicketWorker {
  private final OnceOnly once;
  private final Tickets tickets;
  private final CustomerNotices customer;

  AcknowledgeTicketWorker(OnceOnly once, Tickets tickets, CustomerNotices customer) {
    this.once = once;
    this.tickets = tickets;
    this.customer = customer;
  }

  @JobWorker(type = JobTypes.ACKNOWLEDGE_TICKET)
  public Map<String, Object> acknowledgeTicket(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      customer.acknowledge(tickets.get(ticket.ticketId()));
      return Map.of();
    });
  }
}
