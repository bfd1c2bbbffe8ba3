package dev.escalation.workers.paging;

import java.time.Instant;

/** A manager on call from {@code startsAt} to {@code endsAt}, paged in {@code escalationOrder} (1 first). */
public record OnCallShift(Long id, String username, Instant startsAt, Instant endsAt, int escalationOrder) {}
