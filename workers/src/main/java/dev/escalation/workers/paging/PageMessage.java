package dev.escalation.workers.paging;

import dev.escalation.workers.roster.RosterMember;

/** One page to one manager. {@code dedupKey} is stable per page and attempt: a resend after a crash is the same page. */
record PageMessage(long pageId, int attempt, long ticketId, String priority, String summary, String details, RosterMember manager,
    String ticketUrl, String acknowledgeUrl, String dedupKey) {}
