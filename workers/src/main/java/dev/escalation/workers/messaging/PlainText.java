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

  /** {@link #fit} for a limit in UTF-8 bytes (Instagram: "1000 bytes or less"); never cuts a character in two. */
  public static String fitUtf8(String subject, String body, int maxBytes) {
    String text = fit(subject, body, Integer.MAX_VALUE);
    if (utf8Length(text) <= maxBytes) {
      return text;
    }
    int budget = maxBytes - utf8Length("\u2026");
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = utf8Length(new String(Character.toChars(cp)));
      if (used + size > budget) {
        break;
      }
      cut.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return cut.toString().stripTrailing() + "\u2026";
  }

  private static int utf8Length(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
