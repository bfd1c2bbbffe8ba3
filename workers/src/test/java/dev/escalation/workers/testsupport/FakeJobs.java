package dev.escalation.workers.testsupport;

import io.camunda.client.api.response.ActivatedJob;
import java.lang.reflect.Proxy;

/**
 * A job as the engine would hand it to a worker, for tests that call a worker method directly: its key,
 * its type and where it ran (what {@code OnceOnly} records for the process map); anything else a worker
 * asks for is an UnsupportedOperationException, so a test notices when a worker starts to need more.
 */
public final class FakeJobs {
  private FakeJobs() {}

  public static ActivatedJob job(long key, String type) {
    return (ActivatedJob) Proxy.newProxyInstance(ActivatedJob.class.getClassLoader(), new Class<?>[] {ActivatedJob.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getKey" -> key;
          case "getType" -> type;
          case "getBpmnProcessId" -> "ticket-escalation";
          case "getElementId" -> "FakeJobTask";
          case "getProcessDefinitionKey", "getProcessInstanceKey" -> 0L;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
