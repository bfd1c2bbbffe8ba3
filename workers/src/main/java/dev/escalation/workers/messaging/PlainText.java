package dev.escalation.workers.messaging;

/**
 * C2: a notice as a chat message: plain text (the subject as its first line, no markup that a
 * channel would parse), cut to the channel's length limit with an ellipsis so the provider never
 * refuses it for its length.
 */
public final class PlainText {
  private PlainText() {}

  public static String fit(String subject, String body, int limit) {
    String text = (subject == null || subject.isBlank() ? "" : subject.strip() + "\n\n") + (body == null ? "" : body.strip());
    if (text.codePointCount(0, text.length()) <= limit) {
      return text;
    }
    int end = text.offsetByCodePoints(0, limit - 1);
    return text.substring(0, end).stripTrailing() + "\u2026";
  }
}
