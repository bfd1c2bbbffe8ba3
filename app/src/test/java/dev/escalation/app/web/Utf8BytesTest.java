package dev.escalation.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BytesTest {

  @Test
  void validTextOfEveryLengthPasses() {
    assertThat(Utf8Bytes.firstInvalid("".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(Utf8Bytes.firstInvalid("{\"s\": \"a é 漢 🚀 \u0000\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void overlongFormsAreInvalidAtTheirFirstByte() {
    assertThat(Utf8Bytes.firstInvalid(bytes('a', 0xc0, 0x80))).hasValue(1); // U+0000 in two bytes
    assertThat(Utf8Bytes.firstInvalid(bytes(0xc1, 0x81))).hasValue(0); // "A" in two bytes
    assertThat(Utf8Bytes.firstInvalid(bytes('x', 'y', 0xe0, 0x81, 0x81))).hasValue(2); // "A" in three bytes
    assertThat(Utf8Bytes.firstInvalid(bytes(0xf0, 0x80, 0x81, 0x81))).hasValue(0); // "A" in four bytes
  }

  @Test
  void outOfRangeStrayAndCutOffBytesAreInvalid() {
    assertThat(Utf8Bytes.firstInvalid(bytes(0xf4, 0x90, 0x80, 0x80))).hasValue(0); // above U+10FFFF
    assertThat(Utf8Bytes.firstInvalid(bytes('a', 0x80))).hasValue(1); // a continuation byte alone
    assertThat(Utf8Bytes.firstInvalid(bytes('a', 0xe6, 0xbc))).hasValue(1); // cut off at the end
    assertThat(Utf8Bytes.firstInvalid(bytes(0xff))).hasValue(0);
  }

  @Test
  void anEncodedSurrogateIsLeftToTheFieldCheckButWhatFollowsIsStillChecked() {
    assertThat(Utf8Bytes.firstInvalid(bytes('a', 0xed, 0xa0, 0x80, 'b'))).isEmpty();
    assertThat(Utf8Bytes.firstInvalid(bytes(0xed, 0xbf, 0xbf, 0xc0, 0x80))).hasValue(3);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
