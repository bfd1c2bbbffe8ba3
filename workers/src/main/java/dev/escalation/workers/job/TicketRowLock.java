package dev.escalation.workers.job;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders a ticket's jobs after the command that caused them.
 *
 * <p>The app calls the engine inside the transaction that records a command (so nothing is saved
 * when the engine refuses), and the engine may hand the job that command causes to a worker before
 * that transaction commits: the worker would not find the new ticket, message or refund request yet
 * and fail into a retry seconds later. So the app holds the ticket row's lock while it calls the
 * engine, and a worker waits for that lock, without keeping it, before its job reads anything.
 */
@Component
public class TicketRowLock {
  private final JdbcClient jdbc;

  TicketRowLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In the command's transaction: the ticket row stays locked until it commits or rolls back. */
  public void holdUntilCommit(long ticketId) {
    jdbc.sql("SELECT id FROM ticket WHERE id = ? FOR UPDATE").param(ticketId).query(Long.class).optional();
  }

  /**
   * Outside the job's transaction: returns once no command on the ticket is in flight. The shared
   * lock is released at once (its own statement), so the job itself holds no extra lock.
   */
  public void awaitCommandsInFlight(long ticketId) {
    jdbc.sql("SELECT id FROM ticket WHERE id = ? LOCK IN SHARE MODE").param(ticketId).query(Long.class).optional();
  }
}
