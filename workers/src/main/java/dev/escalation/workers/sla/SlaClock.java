package dev.escalation.workers.sla;

import java.time.Instant;

/** One running SLA clock: when it started, when the owner is warned and when it is breached. */
public record SlaClock(Instant startedAt, Instant warningAt, Instant dueAt) {}
