package dev.escalation.processes;

/**
 * The contract of {@code processes/manager-paging.bpmn} (N2): one instance per page of the on-duty
 * manager, started by the message {@link Messages#PAGE_REQUESTED}. It re-pages at {@code repageAt}
 * until the page is acknowledged or no pages are left.
 */
public final class ManagerPaging {
  public static final String PROCESS_ID = "manager-paging";
  public static final String RESOURCE = "processes/manager-paging.bpmn";

  private ManagerPaging() {}

  public static final class JobTypes {
    /** Sends the next page (same manager again, or the next in the on-call order); returns attempt, repageAt, pagesLeft. */
    public static final String SEND_PAGE = "send-page";
    /** Nobody acknowledged within the bounded repeats: record it and alert the head of support. */
    public static final String RECORD_PAGE_UNANSWERED = "record-page-unanswered";

    private JobTypes() {}
  }

  public static final class Messages {
    /** Starts the paging; correlation key {@code string(pageId)}; message id {@code page-requested:<pageId>}. */
    public static final String PAGE_REQUESTED = "page-requested";
    /** A manager acknowledged the page through the API; correlation key {@code string(pageId)}. */
    public static final String PAGE_ACKNOWLEDGED = "page-acknowledged";

    private Messages() {}
  }

  public static final class Variables {
    public static final String PAGE_ID = "pageId";
    public static final String TICKET_ID = "ticketId";
    /** Pages sent so far for this page id. */
    public static final String ATTEMPT = "attempt";
    /** When to re-page if nobody acknowledged (ISO-8601 instant, computed by send-page). */
    public static final String REPAGE_AT = "repageAt";
    /** How many more pages the policy allows (bounded repeats, no storms). */
    public static final String PAGES_LEFT = "pagesLeft";

    private Variables() {}
  }

  public static final class Elements {
    public static final String PAGE_REQUESTED = "PageRequestedStartEvent";
    public static final String SEND_PAGE = "SendPageTask";
    public static final String AWAIT_ACKNOWLEDGEMENT = "AwaitAcknowledgementGateway";
    public static final String PAGE_ACKNOWLEDGED = "PageAcknowledgedEvent";
    public static final String ACKNOWLEDGED_END = "PageAcknowledgedEndEvent";
    public static final String REPAGE_DUE = "RepageDueTimerEvent";
    public static final String PAGES_LEFT = "PagesLeftGateway";
    public static final String RECORD_PAGE_UNANSWERED = "RecordPageUnansweredTask";
    public static final String UNANSWERED_END = "PageUnansweredEndEvent";

    private Elements() {}
  }
}
