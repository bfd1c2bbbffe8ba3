package dev.escalation.app.paging;

import dev.escalation.workers.paging.Page;
import java.time.Instant;
import java.util.List;

/** N2: a page of the on-duty manager as the API shows it, with the pages sent for it. */
record PageView(long id, long ticketId, String reason, String severity, String state, int attempts, String currentUsername,
    Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, List<SentView> sent) {

  record SentView(int attempt, String username, String channel, Instant sentAt) {}

  static PageView of(Page p) {
    return new PageView(p.id(), p.ticketId(), p.reason(), p.severity(), p.state(), p.attempts(), p.currentUsername(), p.createdAt(),
        p.acknowledgedAt(), p.acknowledgedBy(),
        p.sent().stream().map(a -> new SentView(a.attempt(), a.username(), a.channel(), a.sentAt())).toList());
  }
}
