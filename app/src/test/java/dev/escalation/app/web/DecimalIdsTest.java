package dev.escalation.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One spelling per id: what the binding accepts, and what it refuses although Long.valueOf or Long.decode would not. */
class DecimalIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "3", "10", "9223372036854775807"})
  void theCanonicalSpellingIsTheNumber(String id) {
    assertThat(DecimalIds.parse(id)).isEqualTo(Long.parseLong(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+3", "-3", "-0", "03", "0003", "00000000000000000003", " 3", "3 ", "\t3", "0x3", "0X3", "#3", "3.0",
      "3L", "3e0", "3_0", "\uFF13", "\u0663", "\u0969", "9223372036854775808", "99999999999999999999", "12345678901234567890"})
  void everyOtherSpellingIsRefused(String id) {
    assertThatThrownBy(() -> DecimalIds.parse(id)).isInstanceOf(DecimalIds.NotAnId.class).hasMessage(DecimalIds.RULE);
  }
}
