package dev.escalation.workers.handoff;

/** Variables of the ignore-stale-action job: the ignored owner-action message, and where the ticket is now. */
record StaleActionJob(long ticketId, String action, String actor, Integer actionHandoff, Integer actionTier, Long handoffNoteId) {}
