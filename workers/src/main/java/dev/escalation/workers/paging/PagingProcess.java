package dev.escalation.workers.paging;

import dev.escalation.processes.ManagerPaging;
import dev.escalation.workers.job.TicketRowLock;
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
 * The page row is written in the caller's transaction, and the instance's first job may reach a
 * worker (of any replica) before that commits: the ticket row stays locked until then, and the
 * worker waits for it ({@link TicketRowLock}) instead of finding no page and failing into a retry.
 */
@Component
class PagingProcess {
  static final Duration TTL = Duration.ofHours(1);
  private final ObjectProvider<CamundaClient> client;
  private final TicketRowLock ticketLock;

  PagingProcess(ObjectProvider<CamundaClient> client, TicketRowLock ticketLock) {
    this.client = client;
    this.ticketLock = ticketLock;
  }

  void start(long pageId, long ticketId) {
    ticketLock.holdUntilCommit(ticketId);
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
