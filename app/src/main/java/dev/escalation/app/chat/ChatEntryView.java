package dev.escalation.app.chat;

import dev.escalation.workers.chat.ChatEntry;
import java.time.Instant;

/** A transcript entry as the chat page reads it; {@code handover} only on a handover (C4). */
record ChatEntryView(long id, String kind, String author, String text, Instant at, HandoverView handover) {

  record HandoverView(String owner, int tier, Instant dueAt, String due) {}

  static ChatEntryView of(ChatEntry entry) {
    var h = entry.handover();
    return new ChatEntryView(entry.id(), entry.kind().name(), entry.author(), entry.text(), entry.at(),
        h == null ? null : new HandoverView(h.owner(), h.tier(), h.dueAt(), h.due()));
  }
}
