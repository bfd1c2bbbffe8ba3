package dev.escalation.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

  @Test
  void bidirectionalControlsAreRefusedAnywhereButMarksAreFine() {
    for (int c = 0x202a; c <= 0x202e; c++) {
      assertThat(FreeText.problem("Invoice " + (char) c + "txt.exe")).isEqualTo(FreeText.BIDI_CONTROL);
    }
    for (int c = 0x2066; c <= 0x2069; c++) {
      assertThat(FreeText.problem((char) c + "x")).isEqualTo(FreeText.BIDI_CONTROL);
    }
    assertThat(FreeText.problem("\u0627\u0644\u0641 \u200fInvoice\u200e \u061c")).isNull();
    assertThat(FreeText.problem("\u2029 paragraph")).isNull();
  }

  @Test
  void loneSurrogatesAreRefusedPairsAreFine() {
    assertThat(FreeText.problem("a\ud800b")).isEqualTo(FreeText.LONE_SURROGATE);
    assertThat(FreeText.problem("\udc00")).isEqualTo(FreeText.LONE_SURROGATE);
    assertThat(FreeText.problem("ok \ud83d")).isEqualTo(FreeText.LONE_SURROGATE);
    assertThat(FreeText.problem("\ude80\ud83d")).isEqualTo(FreeText.LONE_SURROGATE);
    assertThat(FreeText.problem("\ud83d\ude80")).isNull();
  }

  @Test
  void textOfOnlyInvisibleCharactersIsRefusedAsciiBlanksAreLeftToNotBlank() {
    for (String hidden : new String[] {"\u200b", "\u200b \u200d", "\ufeff", "\u00ad", "\u2060", "\u3164", "\u2800", "\u00a0", "\u2003\u3000",
        "\u115f", "\u180e", "\ufe0f", "\u034f", "\u200b\n"}) {
      assertThat(FreeText.problem(hidden)).as("U+%04X...", (int) hidden.charAt(0)).isEqualTo(FreeText.INVISIBLE);
    }
    assertThat(FreeText.problem("")).isNull();
    assertThat(FreeText.problem("   \t\r\n")).isNull();
    assertThat(FreeText.problem("\u200bx")).isNull();
    assertThat(FreeText.problem("tab\tend\r\nline \u0007")).isNull();
    assertThat(FreeText.problem("\u2764\ufe0f")).isNull();
  }
}
