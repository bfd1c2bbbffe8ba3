package dev.escalation.app.queue;

import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.TicketStatus;
import java.time.Instant;

/**
 * W1: one row of the queue. {@code group} is the tier 2 group the ticket belongs to (the group the
 * criteria chose, else its category's group). Due dates are those of running clocks; a paused clock
 * has no due date but its time left ({@code ...LeftSeconds}). {@code timeLeftSeconds} is what the
 * queue is ordered by: the nearer clock's time left at {@code asOf} of the page (negative when a
 * running clock is overdue but its breach is not recorded yet), null without a running or paused clock.
 */
record QueueItem(
    long id,
    String subject,
    Priority priority,
    TicketStatus status,
    int tier,
    String group,
    Owner owner,
    String channel,
    boolean vip,
    ClockState responseClock,
    Instant responseDueAt,
    Long responseLeftSeconds,
    ClockState resolutionClock,
    Instant resolutionDueAt,
    Long resolutionLeftSeconds,
    boolean breached,
    boolean atRisk,
    Long timeLeftSeconds) {

  record Owner(String username, String displayName) {}
}
