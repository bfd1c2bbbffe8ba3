package dev.escalation.workers.paging;

import dev.escalation.processes.ManagerPaging;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a manager-paging instance for a page. The message id makes the start idempotent: a job
 * redelivered after its publish but before its commit publishes the same id, which the engine drops.
 */
@Component
class PagingProcess {
  static final Duration TTL = Duration.ofHours(1);
  private final ObjectProvider<CamundaClient> client;

  PagingProcess(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  void start(long pageId, long ticketId) {
    try {
      client.getObject().newPublishMessageCommand()
          .messageName(ManagerPaging.Messages.PAGE_REQUESTED)
          .correlationKey(Long.toString(pageId))
          .messageId("page-requested:" + pageId)
          .timeToLive(TTL)
          .variables(Map.of(ManagerPaging.Variables.PAGE_ID, pageId, ManagerPaging.Variables.TICKET_ID, ticketId))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
