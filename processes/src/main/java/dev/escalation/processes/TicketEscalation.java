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
    /** N3: create the ticket's task in the dev team's tracker (GitHub Issues, Jira or internal). */
    public static final String CREATE_DEV_TASK = "create-dev-task";
    /** N3: tell the owner and the customer that the fix for the ticket's bug shipped. */
    public static final String NOTIFY_FIX_SHIPPED = "notify-fix-shipped";
    /** Classifies the ticket text, or a new customer message (variable {@link Variables#MESSAGE_ID}). */
    public static final String TRIAGE = "triage";
    /** Records the matched criteria rule on the ticket and applies its outputs. */
    public static final String APPLY_CRITERIA = "apply-criteria";
    /**
     * An owner-action message made at a handoff the ticket has since left (variable
     * {@link Variables#ACTION_HANDOFF} differs from {@link Variables#HANDOFF}): recorded in the timeline, not carried out.
     */
    public static final String IGNORE_STALE_ACTION = "ignore-stale-action";
    /**
     * W2/W3: the person {@link Variables#NEW_OWNER} names owns the ticket at its tier (a grab or a
     * reassignment, {@link Variables#HANDOVER_KIND}); returns the new {@link Variables#HANDOFF}.
     */
    public static final String HAND_OVER_TICKET = "hand-over-ticket";

    private JobTypes() {}
  }

  /** Message names; all correlate on {@code string(ticketId)}. */
  public static final class Messages {
    /** The owner acted: variable {@link Variables#ACTION} says how. */
    public static final String OWNER_ACTION = "owner-action";
    public static final String CUSTOMER_REPLIED = "customer-replied";
    public static final String TICKET_REOPENED = "ticket-reopened";
    /** N3: the dev team's tracker closed the ticket's dev task (sent by the tracker webhooks). */
    public static final String DEV_TASK_CLOSED = "dev-task-closed";
    /**
     * S4: the priority was changed (variables {@link Variables#PRIORITY}, {@link Variables#ACTOR},
     * {@link Variables#PRIORITY_REASON}): the SLA policy runs again and the running clocks are recomputed.
     */
    public static final String PRIORITY_CHANGED = "priority-changed";
    /** The customer wrote again (variable {@link Variables#MESSAGE_ID}): triage and criteria run again. */
    public static final String CUSTOMER_MESSAGE_RECEIVED = "customer-message-received";

    private Messages() {}
  }

  /** Values of {@link Variables#ACTION}. */
  public static final class Actions {
    public static final String ATTEMPT = "ATTEMPT";
    /** The owner answered the customer; like an attempt, the owner works on (the reply went out through the outbox). */
    public static final String REPLY = "REPLY";
    public static final String RESOLVE = "RESOLVE";
    public static final String ESCALATE = "ESCALATE";
    public static final String WAIT = "WAIT";
    /** W2 grab, W3 reassignment: someone else owns the ticket from now on (variables {@link Variables#NEW_OWNER}, {@link Variables#HANDOVER_KIND}). */
    public static final String HAND_OVER = "HAND_OVER";

    private Actions() {}
  }

  /** Values of {@link Variables#ASSIGNMENT_REASON}. */
  public static final class AssignmentReasons {
    public static final String OPENED = "OPENED";
    public static final String ESCALATED = "ESCALATED";
    public static final String REOPENED = "REOPENED";
    /** W2/W3: a grab or a reassignment at the same tier; nobody is told but the previous owner (and a reassigned one). */
    public static final String HANDED_OVER = "HANDED_OVER";
    /** S4: not a new owner: the clocks restart after a priority change, counting the time already spent. */
    public static final String PRIORITY_CHANGED = "PRIORITY_CHANGED";

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
    /** S1: set by notify-sla-warning: another warning threshold of the clock lies ahead, at {@link #RESPONSE_WARNING_AT}. */
    public static final String RESPONSE_WARNINGS_LEFT = "responseWarningsLeft";
    /** S1: set by notify-sla-warning: another warning threshold of the clock lies ahead, at {@link #RESOLUTION_WARNING_AT}. */
    public static final String RESOLUTION_WARNINGS_LEFT = "resolutionWarningsLeft";
    public static final String ACTION = "action";
    public static final String ESCALATION_TYPE = "escalationType";
    public static final String HANDOFF_NOTE_ID = "handoffNoteId";
    /** Who did an owner action (the authenticated user), for the audit trail; set by every owner-action message. */
    public static final String ACTOR = "actor";
    /**
     * How many times the ticket has left its tier work for a new owner or tier (escalated, or reopened
     * after resolution): 0 at opening, set by escalate-ticket and reopen-ticket.
     */
    public static final String HANDOFF = "handoff";
    /** Set by every owner-action message: the {@link #HANDOFF} the action was made at; another value means it is stale. */
    public static final String ACTION_HANDOFF = "actionHandoff";
    /** Set by every owner-action message: the tier the action was made at (for the timeline of an ignored action). */
    public static final String ACTION_TIER = "actionTier";
    public static final String CAN_ESCALATE = "canEscalate";
    public static final String REOPEN_DEADLINE = "reopenDeadline";
    /** Local input of the warning and breach tasks: which clock ({@link Clocks}). */
    public static final String CLOCK = "clock";
    /** Output of create-dev-task: the tracker's key of the dev task ({@code octo/shop#12}, {@code SUP-7}, {@code DEV-3}). */
    public static final String DEV_TASK_KEY = "devTaskKey";
    /** W2/W3, set by a {@link Actions#HAND_OVER} owner action: the roster username who owns the ticket next. */
    public static final String NEW_OWNER = "newOwner";
    /** W2/W3, set by a {@link Actions#HAND_OVER} owner action: {@code GRAB} or {@code REASSIGNMENT}. */
    public static final String HANDOVER_KIND = "handoverKind";

    /** The id of the {@code ticket_message} a re-triage is about (message {@link Messages#CUSTOMER_MESSAGE_RECEIVED}). */
    public static final String MESSAGE_ID = "messageId";
    /** Local input of the apply-criteria task in the customer-message event subprocess. */
    public static final String REEVALUATION = "reevaluation";
    /** The whole result of {@link Criteria#DECISION_ID}: a context with the {@link Criteria} outputs. */
    public static final String CRITERIA = "criteria";
    /**
     * N3: true when the matched criteria ask for a dev task, which every row does when the triage's
     * product-bug signal is set; the dev-task branch runs then (a missing value counts as false).
     */
    public static final String CREATE_DEV_TASK = "createDevTask";
    /** N2: the matched criteria ask to page the on-duty manager (P1 tickets are paged anyway). */
    public static final String PAGE_MANAGER = "pageManager";

    // Inputs of the criteria table, written by the triage worker.
    public static final String VIP = "vip";
    public static final String ANNUAL_REVENUE = "annualRevenue";
    /** VADER compound score in [-1, 1]; null when the message's language has no sentiment model. */
    public static final String SENTIMENT_SCORE = "sentimentScore";
    public static final String CHURN_RISK = "churnRisk";
    public static final String LEGAL_RISK = "legalRisk";
    public static final String BUG_SIGNAL = "bugSignal";
    public static final String CATEGORY = "category";
    public static final String CHANNEL = "channel";
    public static final String WEEKEND = "weekend";
    /** ISO 639-1 code of the detected language, or null when it could not be told. */
    public static final String LANGUAGE = "language";
    /** S1: the customer's plan (FREE, STANDARD, ... as configured), an input of the SLA policy; written by the triage worker. */
    public static final String PLAN = "plan";
    /** S1, S5: the whole result of {@link SlaPolicy#DECISION_ID}: a context with the {@link SlaPolicy} outputs. */
    public static final String SLA_POLICY = "slaPolicy";
    /** S4: why the priority was changed (message {@link Messages#PRIORITY_CHANGED}). */
    public static final String PRIORITY_REASON = "priorityReason";

    private Variables() {}
  }

  /** The escalation-criteria decision (T5, T7): {@code processes/escalation-criteria.dmn}. */
  public static final class Criteria {
    public static final String DECISION_ID = "escalation-criteria";
    public static final String RESOURCE = "processes/escalation-criteria.dmn";

    /** Output names, keys of the {@link Variables#CRITERIA} context. */
    public static final String RULE_ID = "ruleId";
    public static final String REASON = "reason";
    public static final String EFFECTIVE_PRIORITY = "effectivePriority";
    public static final String ESCALATION_TYPE = "escalationType";
    public static final String TARGET_GROUP = "targetGroup";
    public static final String STARTING_TIER = "startingTier";
    public static final String MAX_TIER = "maxTier";
    public static final String PAGE_MANAGER = "pageManager";
    public static final String CREATE_DEV_TASK = "createDevTask";

    private Criteria() {}
  }

  /** The SLA policy decision (S1, S5): {@code processes/sla-policy.dmn}. */
  public static final class SlaPolicy {
    public static final String DECISION_ID = "sla-policy";
    public static final String RESOURCE = "processes/sla-policy.dmn";

    /** Output names, keys of the {@link Variables#SLA_POLICY} context. */
    public static final String RULE_ID = "ruleId";
    public static final String REASON = "reason";
    /** ISO-8601 durations ({@code PT15M}); {@link #NEXT_REPLY_TARGET} is null when the row sets none. */
    public static final String RESPONSE_TARGET = "responseTarget";
    public static final String RESOLUTION_TARGET = "resolutionTarget";
    public static final String NEXT_REPLY_TARGET = "nextReplyTarget";
    /** The name of the support calendar the clocks count in ({@code business-hours}, {@code 24x7}, ...). */
    public static final String CALENDAR = "calendar";
    /** A list of shares of the target (e.g. {@code [0.5, 0.75]}); the owner is warned once at each. */
    public static final String WARNING_THRESHOLDS = "warningThresholds";
    public static final String NOTIFY_MANAGER_ON_BREACH = "notifyManagerOnBreach";

    private SlaPolicy() {}
  }

  /** Element ids that tests, the API and Operate links refer to. */
  public static final class Elements {
    public static final String TICKET_OPENED = "TicketOpenedStartEvent";
    public static final String ASSIGN_OWNER = "AssignOwnerTask";
    public static final String EVALUATE_SLA_POLICY = "EvaluateSlaPolicyBusinessRuleTask";
    public static final String PRIORITY_CHANGED = "PriorityChangedBoundaryEvent";
    public static final String START_SLA_CLOCKS = "StartSlaClocksTask";
    public static final String ACKNOWLEDGE_TICKET = "AcknowledgeTicketTask";
    public static final String NOTIFY_CUSTOMER_OF_ESCALATION = "NotifyCustomerOfEscalationTask";
    public static final String PAGE_ON_DUTY_MANAGER = "PageOnDutyManagerTask";
    public static final String TIER_WORK = "TierWorkSubProcess";
    public static final String AWAIT_FIRST_RESPONSE = "AwaitFirstResponseReceiveTask";
    public static final String AWAIT_OWNER_ACTION = "AwaitOwnerActionReceiveTask";
    public static final String RESPONSE_SLA_WARNING = "ResponseSlaWarningBoundaryEvent";
    public static final String NOTIFY_RESPONSE_WARNING = "NotifyResponseWarningTask";
    public static final String MORE_RESPONSE_WARNINGS = "MoreResponseWarningsGateway";
    public static final String NEXT_RESPONSE_WARNING_TIMER = "NextResponseWarningTimerEvent";
    public static final String RESPONSE_WARNINGS_SENT = "ResponseWarningSentEndEvent";
    public static final String RESPONSE_SLA_DUE = "ResponseSlaDueBoundaryEvent";
    public static final String RESPONSE_SLA_BREACHED = "ResponseSlaBreachedBoundaryEvent";
    public static final String RESOLUTION_WARNING_TIMER = "ResolutionWarningTimerEvent";
    public static final String NOTIFY_RESOLUTION_WARNING = "NotifyResolutionWarningTask";
    public static final String MORE_RESOLUTION_WARNINGS = "MoreResolutionWarningsGateway";
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
    public static final String DEV_TASK_SPLIT = "DevTaskSplitGateway";
    public static final String PRODUCT_BUG = "ProductBugGateway";
    public static final String CREATE_DEV_TASK = "CreateDevTaskTask";
    public static final String AWAIT_DEV_TASK_CLOSED = "AwaitDevTaskClosedReceiveTask";
    public static final String NOTIFY_FIX_SHIPPED = "NotifyFixShippedTask";
    public static final String FIX_SHIPPED = "FixShippedEndEvent";
    public static final String NO_DEV_TASK = "NoDevTaskEndEvent";
    public static final String RULE_PAGE = "RulePageGateway";
    public static final String PAGE_MANAGER_ON_OPENING = "PageManagerOnOpeningTask";
    public static final String NO_RULE_PAGE = "NoRulePageEndEvent";
    public static final String TRIAGE_TICKET = "TriageTicketTask";
    public static final String EVALUATE_CRITERIA = "EvaluateCriteriaBusinessRuleTask";
    public static final String APPLY_CRITERIA = "ApplyCriteriaTask";
    public static final String CUSTOMER_MESSAGE = "CustomerMessageEventSubProcess";
    public static final String TRIAGE_CUSTOMER_MESSAGE = "TriageCustomerMessageTask";
    public static final String REEVALUATE_CRITERIA = "ReevaluateCriteriaBusinessRuleTask";
    public static final String APPLY_REEVALUATED_CRITERIA = "ApplyReevaluatedCriteriaTask";
    public static final String FIRST_ACTION_KIND = "FirstActionKindGateway";
    public static final String NEXT_ACTION_KIND = "NextActionKindGateway";
    public static final String IGNORE_STALE_FIRST_ACTION = "IgnoreStaleFirstActionTask";
    public static final String IGNORE_STALE_NEXT_ACTION = "IgnoreStaleNextActionTask";
    public static final String HAND_OVER_TICKET = "HandOverTicketTask";

    private Elements() {}
  }
}
