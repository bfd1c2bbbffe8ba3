package dev.escalation.workers.paging;

import java.time.Instant;
import java.util.List;

/** A page of the on-duty manager and the pages sent for it. */
public record Page(long id, long ticketId, String reason, String severity, String state, int attempts, String currentUsername,
    Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, List<Attempt> sent) {

  public record Attempt(int attempt, String username, String channel, Instant sentAt) {}
}
