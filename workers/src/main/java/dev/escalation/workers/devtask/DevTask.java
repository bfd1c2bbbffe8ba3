package dev.escalation.workers.devtask;

import java.time.Instant;

/** A ticket's dev task as the ledger has it. */
public record DevTask(
    long id, long ticketId, Tracker tracker, String key, String url, DevTaskState state, String title, String description,
    Instant createdAt, Instant updatedAt, Instant closedAt) {}
