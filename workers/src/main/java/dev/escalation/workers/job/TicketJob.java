package dev.escalation.workers.job;

/** Variables of a job that concerns one ticket. */
public record TicketJob(long ticketId) {}
