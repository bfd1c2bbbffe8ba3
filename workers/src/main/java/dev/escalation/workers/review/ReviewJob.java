package dev.escalation.workers.review;

/** Variables of an escalation-review job; the answers are set once the review task is completed. */
public record ReviewJob(
    long ticketId, Long reviewId, Boolean reviewAvoidable, String reviewRootCause, String reviewWhatWouldHaveHelped,
    String reviewedBy) {}
