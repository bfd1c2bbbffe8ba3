package dev.escalation.workers.sla;

import dev.escalation.workers.ticket.ClockState;
import java.time.Instant;

/**
 * S3: a ticket's next-reply clock as the ledger holds it. {@code number} counts the next-reply clocks the
 * ticket has started (1, 2, ...), so each clock's warnings are sent once.
 */
public record NextReplyClock(ClockState state, Instant startedAt, Instant dueAt, Instant warningAt, Long remainingSeconds, int number) {

  public boolean running() {
    return state == ClockState.RUNNING;
  }
}
