package dev.escalation.processes;

/**
 * The contract of {@code processes/refund-approval.bpmn} (A1, A2), its decision
 * {@code refund-authority.dmn} and form {@code refund-approval.form}, and of the
 * {@code RefundRequestedEventSubProcess} in {@code ticket-escalation.bpmn} that calls it.
 */
public final class RefundApproval {
  public static final String PROCESS_ID = "refund-approval";
  public static final String RESOURCE = "processes/refund-approval.bpmn";
  public static final String DECISION_ID = "refund-authority";
  public static final String DECISION_RESOURCE = "processes/refund-authority.dmn";
  public static final String FORM_ID = "refund-approval";
  public static final String FORM_RESOURCE = "processes/refund-approval.form";

  private RefundApproval() {}

  /** Job types, one worker class each. */
  public static final class JobTypes {
    public static final String SCHEDULE_REMINDERS = "schedule-refund-approval-reminders";
    public static final String SEND_FOLLOW_UP = "send-refund-approval-follow-up";
    public static final String RECORD_DECISION = "record-refund-decision";
    public static final String ISSUE_REFUND = "issue-refund";
    public static final String NOTIFY_OUTCOME = "notify-refund-outcome";

    private JobTypes() {}
  }

  /** Message to the ticket's process; correlates on {@code string(ticketId)}. */
  public static final class Messages {
    public static final String REFUND_REQUESTED = "refund-requested";

    private Messages() {}
  }

  /** Candidate groups of the approval user tasks. */
  public static final class Groups {
    public static final String MANAGERS = "managers";
    public static final String HEAD_OF_SUPPORT = "head-of-support";

    private Groups() {}
  }

  /** Values of {@link Variables#DECISION}. */
  public static final class Decisions {
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private Decisions() {}
  }

  public static final class Variables {
    public static final String TICKET_ID = "ticketId";
    public static final String REFUND_REQUEST_ID = "refundRequestId";
    public static final String AMOUNT = "refundAmount";
    public static final String CURRENCY = "refundCurrency";
    public static final String REASON = "refundReason";
    public static final String REQUESTER_ROLE = "requesterRole";
    /** Output of the authority decision, copied from its result. */
    public static final String WITHIN_AUTHORITY = "withinAuthority";
    public static final String FOLLOW_UP_AT = "approvalFollowUpAt";
    public static final String REASSIGN_AT = "approvalReassignAt";
    /** Set by whoever completes the user task (the inbox or Tasklist's form). */
    public static final String DECISION = "refundDecision";
    public static final String DECISION_COMMENT = "refundDecisionComment";
    /** Set by the inbox; absent when the task was completed in Tasklist. */
    public static final String DECIDED_BY = "refundDecidedBy";

    private Variables() {}
  }

  public static final class Elements {
    public static final String DETERMINE_AUTHORITY = "DetermineRefundAuthorityTask";
    public static final String SCHEDULE_REMINDERS = "ScheduleApprovalRemindersTask";
    public static final String APPROVE_REFUND = "ApproveRefundTask";
    public static final String FOLLOW_UP_APPROVERS = "FollowUpApproversBoundaryEvent";
    public static final String SEND_FOLLOW_UP = "SendApprovalFollowUpTask";
    public static final String APPROVAL_OVERDUE = "ApprovalOverdueBoundaryEvent";
    public static final String APPROVE_AS_HEAD_OF_SUPPORT = "ApproveRefundAsHeadOfSupportTask";
    public static final String RECORD_DECISION = "RecordRefundDecisionTask";
    public static final String ISSUE_REFUND = "IssueRefundTask";
    public static final String NOTIFY_OUTCOME = "NotifyRefundOutcomeTask";
    public static final String REFUND_HANDLED = "RefundHandledEndEvent";
    /** In ticket-escalation.bpmn. */
    public static final String TICKET_REFUND_SUBPROCESS = "RefundRequestedEventSubProcess";
    public static final String TICKET_REFUND_CALL = "RefundApprovalCallActivity";

    private Elements() {}
  }

  /** The job type of job-worker-based user tasks (no {@code zeebe:userTask} element in the model). */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";
}
