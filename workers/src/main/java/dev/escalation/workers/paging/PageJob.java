package dev.escalation.workers.paging;

/** Variables of page-on-duty-manager: {@code pageManager} is the criteria rule's wish (missing means no). */
public record PageJob(long ticketId, String priority, Boolean pageManager) {}
