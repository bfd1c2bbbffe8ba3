package dev.escalation.workers.handover;

/** Variables of the hand-over-ticket job: the owner-action message of a grab or a reassignment. */
public record HandoverJob(long ticketId, String newOwner, String handoverKind, String actor, Long handoffNoteId) {}
