package dev.escalation.workers.sla;

/** Variables of the warning and breach jobs: which ticket, and which clock ({@code RESPONSE} or {@code RESOLUTION}). */
record ClockJob(long ticketId, String clock) {}
