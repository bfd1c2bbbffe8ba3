package dev.escalation.app.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Finds bytes that are not UTF-8 as RFC 3629 defines it: overlong forms ({@code C0 80} for U+0000,
 * {@code E0 81 81} for "A"), code points above U+10FFFF, stray continuation bytes, cut-off sequences.
 * Jackson decodes overlong forms to the character they spell, so without this check a request
 * could store a character it never validly sent. An encoded surrogate ({@code ED A0 80} to
 * {@code ED BF BF}) is let through here on purpose: Jackson decodes it to a lone surrogate, which
 * {@link FreeText} refuses naming the field it is in.
 */
final class Utf8Bytes {
  private Utf8Bytes() {}

  /** The offset of the first byte that starts an invalid sequence, if any. */
  static OptionalInt firstInvalid(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.max(1, bytes.length)); // UTF-8 never gives more chars than bytes
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        return OptionalInt.empty();
      }
      int at = in.position();
      if (!isEncodedSurrogate(bytes, at)) {
        return OptionalInt.of(at);
      }
      in.position(at + 3);
    }
  }

  private static boolean isEncodedSurrogate(byte[] bytes, int at) {
    return at + 2 < bytes.length && (bytes[at] & 0xff) == 0xed && (bytes[at + 1] & 0xe0) == 0xa0 && (bytes[at + 2] & 0xc0) == 0x80;
  }
}
