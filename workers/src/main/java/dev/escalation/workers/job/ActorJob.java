package dev.escalation.workers.job;

/** Variables of a job that a person's action started: which ticket, and who acted (null: the system). */
public record ActorJob(long ticketId, String actor) {}
