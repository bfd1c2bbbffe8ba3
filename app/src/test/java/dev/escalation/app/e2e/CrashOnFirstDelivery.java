package dev.escalation.app.e2e;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.customer.NotifyCustomerOfEscalationWorker;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the real notify-customer-of-escalation worker, but on the first delivery of each job it
 * "crashes" after the side effect: the job is not completed, times out after a second, and the
 * engine delivers it again (N4). Deliveries are counted per job key for the tests to check.
 */
@TestComponent
public class CrashOnFirstDelivery implements DisposableBean {
  private final CamundaClient client;
  private final NotifyCustomerOfEscalationWorker realWorker;
  private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private JobWorker worker;

  CrashOnFirstDelivery(CamundaClient client, NotifyCustomerOfEscalationWorker realWorker) {
    this.client = client;
    this.realWorker = realWorker;
  }

  @EventListener(ContextRefreshedEvent.class)
  void open() {
    if (worker != null) {
      return;
    }
    worker = client.newWorker()
        .jobType(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION)
        .handler((jobClient, job) -> {
          int delivery = deliveries.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
          long ticketId = ((Number) job.getVariablesAsMap().get("ticketId")).longValue();
          Map<String, Object> result = realWorker.notifyCustomerOfEscalation(job, new TicketJob(ticketId));
          if (delivery > 1) {
            jobClient.newCompleteCommand(job.getKey()).variables(result).send().join();
          }
        })
        .timeout(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(100))
        .open();
  }

  /** How many times each job was delivered, by ticket id as the handler saw it. */
  public int maxDeliveries() {
    return deliveries.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  @Override
  public void destroy() {
    if (worker != null) {
      worker.close();
    }
  }
}
