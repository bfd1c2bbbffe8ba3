package dev.escalation.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.ticket.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;

/** Query and path parameters take the same exact names as request bodies (no enum parameter exists yet: this is the rule for the first). */
class EnumParametersTest {

  @Test
  void onlyExactNames() {
    @SuppressWarnings("unchecked")
    Converter<String, Priority> converter = (Converter<String, Priority>) (Converter<?, ?>) new EnumParameters.ExactNames().getConverter(Priority.class);
    assertThat(converter.convert("P1")).isEqualTo(Priority.P1);
    assertThat(converter.convert("")).isNull();
    for (String wrong : new String[] {"0", "1", "p1", " P1", "P1 ", "garbage"}) {
      assertThatThrownBy(() -> converter.convert(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not one of P1, P2, P3, P4");
    }
  }
}
