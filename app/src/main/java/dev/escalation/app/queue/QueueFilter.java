package dev.escalation.app.queue;

import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.TicketStatus;

/**
 * W1: which open tickets a queue page shows; a null field does not filter. {@code owner} is the
 * caller's username when they asked for {@code mine=true}.
 */
record QueueFilter(String owner, Integer tier, String group, Priority priority, TicketStatus status, Boolean breached,
    Boolean atRisk, String channel, Boolean vip) {

  static QueueFilter none() {
    return new QueueFilter(null, null, null, null, null, null, null, null, null);
  }
}
