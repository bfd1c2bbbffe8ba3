package dev.escalation.workers.inbound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C1: handles one sender's messages one at a time. The lock is the sender's row, taken by an
 * upsert (which locks the row whether it was inserted or already there) and held until the
 * caller's transaction ends; a second message from the same sender waits for the first to commit,
 * and then finds the ticket the first one opened.
 */
@Component
public class SenderLocks {
  private final JdbcClient jdbc;

  SenderLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(InboundMessage message) {
    jdbc.sql("INSERT INTO inbound_sender (channel, address) VALUES (?, ?) ON DUPLICATE KEY UPDATE address = address")
        .params(message.channelName(), message.from())
        .update();
  }
}
