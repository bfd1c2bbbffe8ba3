package dev.escalation.app.queue;

import java.time.Instant;
import java.util.List;

/** A page of the queue; {@code next} is the cursor of the following page, null on the last one. */
record QueuePage(List<QueueItem> items, String next, Instant asOf) {}
