package dev.escalation.workers.chat;

import java.time.Instant;

/**
 * One line of a chat's transcript, as the customer sees it (C3: nothing staff-only has a field here).
 *
 * @param id the stream's event id; grows with every entry of every chat
 * @param kind whose words: the customer's, an agent's, a notice, or a notice of a handover (C4)
 * @param author a display name only
 * @param handover who took over, at which tier, by when; only for {@link Kind#HANDOVER}
 */
public record ChatEntry(long id, long conversationId, Kind kind, String author, String text, Instant at, Handover handover) {

  public enum Kind { CUSTOMER, AGENT, NOTICE, HANDOVER }

  /**
   * C4/H5 warm transfer as the chat page shows it.
   *
   * @param owner the new owner's display name
   * @param dueAt when the customer can expect an answer
   * @param due the same instant as the customer's language writes it (the notice templates' date pattern)
   */
  public record Handover(String owner, int tier, Instant dueAt, String due) {}
}
