package dev.escalation.processes;

/**
 * The contract of {@code processes/ticket-escalation.bpmn}: every id, job type, message and variable
 * that code outside the model relies on. The model check fails when the model and this class drift.
 */
public final class TicketEscalation {

  public static final String PROCESS_ID = "ticket-escalation";
  public static final String RESOURCE = "processes/ticket-escalation.bpmn";

  private TicketEscalation() {}

  /** Job types, one worker class each. */
  public static final class JobTypes {
    public static final String ASSIGN_OWNER = "assign-owner";
    public static final String START_SLA_CLOCKS = "start-sla-clocks";
    public static final String ACKNOWLEDGE_TICKET = "acknowledge-ticket";
    public static final String NOTIFY_CUSTOMER_OF_ESCALATION = "notify-customer-of-escalation";
    public static final String PAGE_ON_DUTY_MANAGER = "page-on-duty-manager";
    public static final String NOTIFY_SLA_WARNING = "notify-sla-warning";
    public static final String RECORD_SLA_BREACH = "record-sla-breach";
    public static final String ALERT_HEAD_OF_SUPPORT = "alert-head-of-support";
    public static final String ESCALATE_TICKET = "escalate-ticket";
    public static final String PAUSE_SLA_CLOCKS = "pause-sla-clocks";
    public static final String RESUME_SLA_CLOCKS = "resume-sla-clocks";
    public static final String RESOLVE_TICKET = "resolve-ticket";
    public static final String REOPEN_TICKET = "reopen-ticket";
    public static final String CLOSE_TICKET = "close-ticket";

    private JobTypes() {}
  }

  /** Message names; all correlate on {@code string(ticketId)}. */
  public static final class Messages {
    /** The owner acted: variable {@link Variables#ACTION} says how. */
    public static final String OWNER_ACTION = "owner-action";
    public static final String CUSTOMER_REPLIED = "customer-replied";
    public static final String TICKET_REOPENED = "ticket-reopened";

    private Messages() {}
  }

  /** Values of {@link Variables#ACTION}. */
  public static final class Actions {
    public static final String ATTEMPT = "ATTEMPT";
    public static final String RESOLVE = "RESOLVE";
    public static final String ESCALATE = "ESCALATE";
    public static final String WAIT = "WAIT";

    private Actions() {}
  }

  /** Values of {@link Variables#ASSIGNMENT_REASON}. */
  public static final class AssignmentReasons {
    public static final String OPENED = "OPENED";
    public static final String ESCALATED = "ESCALATED";
    public static final String REOPENED = "REOPENED";

    private AssignmentReasons() {}
  }

  /** Values of {@link Variables#CLOCK}. */
  public static final class Clocks {
    public static final String RESPONSE = "RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";

    private Clocks() {}
  }

  /** Process variables. Dates are ISO-8601 instants ({@code 2026-11-27T09:00:00Z}). */
  public static final class Variables {
    public static final String TICKET_ID = "ticketId";
    public static final String PRIORITY = "priority";
    public static final String TIER = "tier";
    public static final String ASSIGNMENT_REASON = "assignmentReason";
    public static final String RESPONSE_CLOCK_RUNNING = "responseClockRunning";
    public static final String RESOLUTION_CLOCK_RUNNING = "resolutionClockRunning";
    public static final String RESPONSE_WARNING_AT = "responseWarningAt";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String RESOLUTION_WARNING_AT = "resolutionWarningAt";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    public static final String ACTION = "action";
    public static final String ESCALATION_TYPE = "escalationType";
    public static final String HANDOFF_NOTE_ID = "handoffNoteId";
    /** Who did an owner action (the authenticated user), for the audit trail; set by every owner-action message. */
    public static final String ACTOR = "actor";
    public static final String CAN_ESCALATE = "canEscalate";
    public static final String REOPEN_DEADLINE = "reopenDeadline";
    /** Local input of the warning and breach tasks: which clock ({@link Clocks}). */
    public static final String CLOCK = "clock";

    private Variables() {}
  }

  /** Element ids that tests, the API and Operate links refer to. */
  public static final class Elements {
    public static final String TICKET_OPENED = "TicketOpenedStartEvent";
    public static final String ASSIGN_OWNER = "AssignOwnerTask";
    public static final String START_SLA_CLOCKS = "StartSlaClocksTask";
    public static final String ACKNOWLEDGE_TICKET = "AcknowledgeTicketTask";
    public static final String NOTIFY_CUSTOMER_OF_ESCALATION = "NotifyCustomerOfEscalationTask";
    public static final String PAGE_ON_DUTY_MANAGER = "PageOnDutyManagerTask";
    public static final String TIER_WORK = "TierWorkSubProcess";
    public static final String AWAIT_FIRST_RESPONSE = "AwaitFirstResponseReceiveTask";
    public static final String AWAIT_OWNER_ACTION = "AwaitOwnerActionReceiveTask";
    public static final String RESPONSE_SLA_WARNING = "ResponseSlaWarningBoundaryEvent";
    public static final String NOTIFY_RESPONSE_WARNING = "NotifyResponseWarningTask";
    public static final String RESPONSE_SLA_DUE = "ResponseSlaDueBoundaryEvent";
    public static final String RESPONSE_SLA_BREACHED = "ResponseSlaBreachedBoundaryEvent";
    public static final String RESOLUTION_WARNING_TIMER = "ResolutionWarningTimerEvent";
    public static final String NOTIFY_RESOLUTION_WARNING = "NotifyResolutionWarningTask";
    public static final String RESOLUTION_DUE_TIMER = "ResolutionDueTimerEvent";
    public static final String RESOLUTION_SLA_BREACHED = "ResolutionSlaBreachedBoundaryEvent";
    public static final String RECORD_RESPONSE_BREACH = "RecordResponseBreachTask";
    public static final String RECORD_RESOLUTION_BREACH = "RecordResolutionBreachTask";
    public static final String ALERT_HEAD_OF_SUPPORT = "AlertHeadOfSupportTask";
    public static final String ESCALATE_TICKET = "EscalateTicketTask";
    public static final String PAUSE_SLA_CLOCKS = "PauseSlaClocksTask";
    public static final String AWAIT_CUSTOMER_REPLY = "AwaitCustomerReplyReceiveTask";
    public static final String RESUME_SLA_CLOCKS = "ResumeSlaClocksTask";
    public static final String RESOLVE_TICKET = "ResolveTicketTask";
    public static final String AWAIT_REOPEN = "AwaitReopenReceiveTask";
    public static final String REOPEN_WINDOW_EXPIRED = "ReopenWindowExpiredBoundaryEvent";
    public static final String REOPEN_TICKET = "ReopenTicketTask";
    public static final String CLOSE_TICKET = "CloseTicketTask";
    public static final String TICKET_CLOSED = "TicketClosedEndEvent";

    private Elements() {}
  }
}
