package dev.escalation.app.fault;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.sla.RecordSlaBreachWorker;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Stands in for the record-sla-breach worker of an app that is about to go down (the real
 * worker is switched off with {@code camunda.client.worker.override.record-sla-breach.enabled=false}):
 * it takes every breach job and never completes it. For tickets in {@link #CRASH_AFTER_EFFECTS}
 * it first runs the real worker, whose effects commit, as if the app died right after them.
 * The jobs time out after {@link #TIMEOUT} of engine time and go to whichever app runs then.
 */
@TestComponent
class StalledBreachWorker implements DisposableBean {
  static final Duration TIMEOUT = Duration.ofMinutes(2);
  static final Set<Long> CRASH_AFTER_EFFECTS = ConcurrentHashMap.newKeySet();
  /** ticket id -> job key of every breach job this worker took. */
  static final Map<Long, Long> TAKEN = new ConcurrentHashMap<>();
  /** ticket ids whose breach effects the real worker committed here. */
  static final Set<Long> EFFECTS_COMMITTED = ConcurrentHashMap.newKeySet();

  private final CamundaClient client;
  private final RecordSlaBreachWorker realWorker;
  private JobWorker worker;

  StalledBreachWorker(CamundaClient client, RecordSlaBreachWorker realWorker) {
    this.client = client;
    this.realWorker = realWorker;
  }

  @EventListener(ContextRefreshedEvent.class)
  void open() {
    if (worker != null) {
      return;
    }
    worker = client.newWorker()
        .jobType(JobTypes.RECORD_SLA_BREACH)
        .handler((jobClient, job) -> {
          long ticketId = ((Number) job.getVariablesAsMap().get("ticketId")).longValue();
          TAKEN.put(ticketId, job.getKey());
          if (CRASH_AFTER_EFFECTS.contains(ticketId)) {
            runRealWorker(job, ticketId);
            EFFECTS_COMMITTED.add(ticketId);
          }
          // no completion: the app "dies" holding the job
        })
        .timeout(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .open();
  }

  /** {@code RecordSlaBreachWorker} takes its variables as a package-private record; build it reflectively. */
  private void runRealWorker(ActivatedJob job, long ticketId) throws Exception {
    Class<?> clockJob = Class.forName("dev.escalation.workers.sla.ClockJob");
    Constructor<?> variables = clockJob.getDeclaredConstructor(long.class, String.class);
    variables.setAccessible(true);
    Method handler = RecordSlaBreachWorker.class.getMethod("recordSlaBreach", ActivatedJob.class, clockJob);
    handler.invoke(realWorker, job, variables.newInstance(ticketId, (String) job.getVariablesAsMap().get("clock")));
  }

  @Override
  public void destroy() {
    if (worker != null) {
      worker.close();
    }
  }
}
