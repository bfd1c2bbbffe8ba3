package dev.escalation.processes;

/**
 * The contract of {@code processes/escalation-review.bpmn} (A3) and its form, and of the
 * {@code ReviewNeededGateway} branch after {@code ResolveTicketTask} in {@code ticket-escalation.bpmn}.
 */
public final class EscalationReview {
  public static final String PROCESS_ID = "escalation-review";
  public static final String RESOURCE = "processes/escalation-review.bpmn";
  public static final String FORM_ID = "escalation-review";
  public static final String FORM_RESOURCE = "processes/escalation-review.form";
  public static final String GROUP = "managers";

  private EscalationReview() {}

  public static final class JobTypes {
    public static final String REQUEST_REVIEW = "request-escalation-review";
    public static final String RECORD_REVIEW = "record-escalation-review";

    private JobTypes() {}
  }

  public static final class Variables {
    public static final String TICKET_ID = "ticketId";
    /** escalation_review.id, set by request-escalation-review. */
    public static final String REVIEW_ID = "reviewId";
    /** Set by whoever completes the review task (the inbox or Tasklist's form). */
    public static final String AVOIDABLE = "reviewAvoidable";
    public static final String ROOT_CAUSE = "reviewRootCause";
    public static final String WHAT_WOULD_HAVE_HELPED = "reviewWhatWouldHaveHelped";
    /** Set by the inbox; absent when completed in Tasklist. */
    public static final String REVIEWED_BY = "reviewedBy";

    private Variables() {}
  }

  public static final class Elements {
    public static final String REQUEST_REVIEW = "RequestEscalationReviewTask";
    public static final String REVIEW_ESCALATION = "ReviewEscalationTask";
    public static final String RECORD_REVIEW = "RecordEscalationReviewTask";
    /** In ticket-escalation.bpmn. */
    public static final String TICKET_REVIEW_NEEDED = "ReviewNeededGateway";
    public static final String TICKET_REVIEW_CALL = "EscalationReviewCallActivity";
    public static final String TICKET_NO_REVIEW_NEEDED = "NoReviewNeededEndEvent";

    private Elements() {}
  }
}
