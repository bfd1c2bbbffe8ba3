package dev.escalation.workers.resolution;

/** Variables of the reopen-ticket job; who reopened and why come with the ticket-reopened message. */
record ReopenJob(long ticketId, String reopenedBy, String reopenReason) {}
