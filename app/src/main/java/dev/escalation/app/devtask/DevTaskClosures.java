package dev.escalation.app.devtask;

import dev.escalation.app.process.ProcessGateway;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.devtask.DevTask;
import dev.escalation.workers.devtask.DevTasks;
import dev.escalation.workers.devtask.Tracker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tracker closed a dev task: record it and tell the ticket's process, in one step. The message
 * is published inside the ledger transaction, so a refused publish rolls the change back (the
 * tracker's redelivery then tries again); its message id makes a second publish a no-op, and the
 * process sends the fix-shipped notices through the outbox once.
 */
@Service
class DevTaskClosures {
  /** Long enough for a process still completing create-dev-task when the issue is closed. */
  static final Duration MESSAGE_TTL = Duration.ofHours(1);

  private final DevTasks devTasks;
  private final ProcessGateway process;

  DevTaskClosures(DevTasks devTasks, ProcessGateway process) {
    this.devTasks = devTasks;
    this.process = process;
  }

  @Transactional
  Optional<DevTask> closed(Tracker tracker, String key, String actor) {
    Optional<DevTask> closed = devTasks.closedByTracker(tracker, key, actor);
    closed.ifPresent(task -> process.publishToTicketOnce(Messages.DEV_TASK_CLOSED, task.ticketId(), "dev-task-closed:" + task.ticketId(),
        MESSAGE_TTL, Map.of(Variables.DEV_TASK_KEY, task.key())));
    return closed;
  }
}
