package dev.escalation.app.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every {@code long}/{@code Long} the API binds (ids in paths and query parameters) has exactly one
 * spelling: ASCII digits, no sign, no leading zero, at most {@link Long#MAX_VALUE}. Spring's default
 * would also read {@code +3}, {@code 0003}, {@code 0x3}, {@code #3}, blanks around the digits and
 * other scripts' digits ({@code ３}, {@code ٣}) as ticket 3; here each is a 400 problem naming the
 * parameter. One spelling per id means the id that is authorized is the id that is acted on.
 * (A converter would not do: when it fails, Spring falls back to the lenient default editor.)
 */
@ControllerAdvice
class DecimalIds {
  static final String RULE = "must be a number in plain digits 0-9, without sign or leading zeros, at most " + Long.MAX_VALUE;

  /** Thrown by the binding; {@link ApiProblems} turns it into the 400 problem naming the parameter. */
  static final class NotAnId extends IllegalArgumentException {
    NotAnId() {
      super(RULE);
    }
  }

  @InitBinder
  void decimalIds(WebDataBinder binder) {
    binder.registerCustomEditor(long.class, new CanonicalLong(false));
    binder.registerCustomEditor(Long.class, new CanonicalLong(true));
  }

  /** The id {@code text} spells, or {@link NotAnId} when it is not the one canonical spelling of a long. */
  static long parse(String text) {
    int length = text.length();
    if (length == 0 || length > 19 || (text.charAt(0) == '0' && length > 1)) {
      throw new NotAnId();
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NotAnId();
      }
      int digit = c - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw new NotAnId();
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static final class CanonicalLong extends PropertyEditorSupport {
    private final boolean emptyIsNull;

    CanonicalLong(boolean emptyIsNull) {
      this.emptyIsNull = emptyIsNull;
    }

    @Override
    public void setAsText(String text) {
      setValue(emptyIsNull && text.isEmpty() ? null : parse(text));
    }
  }
}
