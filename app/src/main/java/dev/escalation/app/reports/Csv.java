package dev.escalation.app.reports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, and a field with a comma, a double quote,
 * a CR or an LF in double quotes with its double quotes doubled. Null is an empty field.
 */
final class Csv {
  private final StringBuilder text = new StringBuilder();

  Csv row(List<?> fields) {
    text.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
    return this;
  }

  Csv row(Object... fields) {
    return row(java.util.Arrays.asList(fields));
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
