package dev.escalation.app.web;

/**
 * What text a request may carry, whatever the field: no bidirectional embeddings, overrides or
 * isolates (U+202A to U+202E, U+2066 to U+2069: they make a subject read differently from what it
 * says, "Trojan source"), no lone surrogate (JSON's {@code "\ud800"} escape decodes to one; MariaDB
 * would store it as a different character), and not only characters nobody sees (zero-width spaces,
 * format characters, fillers, no-break and other Unicode spaces). Text of ASCII blanks only is
 * left to {@code @NotBlank}, so an optional field may still be blank. Line breaks, tabs, right-to-left text and the marks U+200E/U+200F are
 * fine.
 */
public final class FreeText {
  static final String BIDI_CONTROL = "must not contain bidirectional embedding, override or isolate characters (U+202A to U+202E, U+2066 to U+2069)";
  static final String LONE_SURROGATE = "must be valid Unicode: it contains a lone surrogate";
  static final String INVISIBLE = "must contain visible characters";

  private FreeText() {}

  /** Why {@code text} is refused, or null when it is fine. */
  public static String problem(String text) {
    boolean visible = false;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int c = text.codePointAt(i); // a lone surrogate comes back as itself
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        return LONE_SURROGATE;
      }
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        return BIDI_CONTROL;
      }
      visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isInvisible(c);
    }
    // only ASCII blanks and controls (what String.trim removes) are left to @NotBlank
    return visible || text.trim().isEmpty() ? null : INVISIBLE;
  }

  private static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.FORMAT || type == Character.CONTROL
        // letters by their category that render as nothing: Hangul fillers, the Braille blank, Mongolian vowel separator
        || codePoint == 0x115f || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xffa0 || codePoint == 0x2800
        || codePoint == 0x180e || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
        || codePoint == 0x034f || codePoint == 0x17b4 || codePoint == 0x17b5;
  }
}
