package dev.escalation.workers.devtask;

/**
 * What a dev task says about its ticket (N3). {@code marker} is a label unique to the ticket
 * ({@code escalation-ticket-42}); trackers are searched for it before a retried job creates anything.
 */
record IssueDraft(long ticketId, String title, String summary, String customerImpact, String description, String ticketUrl,
    String marker) {

  /** The description as Markdown (GitHub). */
  String markdown() {
    return "**Summary:** " + summary + "\n\n"
        + "**Customer impact:** " + customerImpact + "\n\n"
        + "**Steps / description (from the customer):**\n\n" + description + "\n\n"
        + "**Support ticket:** " + ticketUrl + "\n\n"
        + "_Created by the escalation engine. Closing this issue tells the customer that the fix shipped._";
  }
}
