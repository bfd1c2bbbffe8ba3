package dev.escalation.workers.paging;

/** Variables of the manager-paging jobs. */
public record PagingJob(long pageId, Long ticketId, Integer attempt) {}
