package dev.escalation.workers.handoff;

/** Variables of the escalate-ticket job. */
record EscalationJob(long ticketId, String escalationType, Long handoffNoteId) {}
