package dev.escalation.app.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and query parameters are plain decimal numbers. Spring's default number parsing
 * also reads hexadecimal ({@code 0x10}, {@code #10}) and trims blanks, so {@code /api/tickets/0x10}
 * would act on ticket 16; here such an id is a 400 like any other malformed id. (A converter would
 * not do: when it fails, Spring falls back to the lenient default editor.)
 */
@ControllerAdvice
class DecimalIds {

  @InitBinder
  void decimalIds(WebDataBinder binder) {
    binder.registerCustomEditor(long.class, new DecimalLong(false));
    binder.registerCustomEditor(Long.class, new DecimalLong(true));
  }

  private static final class DecimalLong extends PropertyEditorSupport {
    private final boolean emptyIsNull;

    DecimalLong(boolean emptyIsNull) {
      this.emptyIsNull = emptyIsNull;
    }

    @Override
    public void setAsText(String text) {
      setValue(emptyIsNull && text.isEmpty() ? null : Long.valueOf(text));
    }
  }
}
