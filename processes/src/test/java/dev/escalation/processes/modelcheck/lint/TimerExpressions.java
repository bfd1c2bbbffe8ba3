package dev.escalation.processes.modelcheck.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * camunda-compat for Camunda 8.8, timers: each timer has exactly one of date, duration and cycle;
 * a literal value parses as what Zeebe expects (ISO 8601 date-time with offset or zone, ISO 8601
 * duration, repeating interval {@code R[n]/[start/]duration}, or a six-field cron expression for a
 * cycle); intermediate catch events and interrupting boundary events have no cycle. A FEEL
 * expression ({@code =...}) is accepted as it stands: what it evaluates to is only known at runtime.
 */
final class TimerExpressions implements LintRule {
  private static final Pattern REPEATING = Pattern.compile("^R\\d*/(?:(\\S+)/)?(P\\S+)$");
  private static final Pattern CRON_FIELD = Pattern.compile("^[0-9A-Za-z*?/,#L\\-]+$");

  @Override
  public String id() {
    return "camunda-compat/timer";
  }

  @Override
  public List<Finding> check(BpmnModelInstance model) {
    List<Finding> findings = new ArrayList<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      BaseElement event = (BaseElement) timer.getParentElement();
      int kinds = (timer.getTimeDate() != null ? 1 : 0) + (timer.getTimeDuration() != null ? 1 : 0) + (timer.getTimeCycle() != null ? 1 : 0);
      if (kinds != 1) {
        findings.add(finding(event.getId(), "a timer needs exactly one of time date, duration and cycle, it has " + kinds));
        continue;
      }
      if (timer.getTimeCycle() != null && (event instanceof IntermediateCatchEvent
          || (event instanceof BoundaryEvent boundary && boundary.cancelActivity()))) {
        findings.add(finding(event.getId(), "a cycle timer is only allowed on start events and non-interrupting boundary events"));
      }
      String value = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
          : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
          : timer.getTimeCycle().getTextContent();
      value = value == null ? "" : value.strip();
      if (value.isEmpty()) {
        findings.add(finding(event.getId(), "the timer has no value"));
      } else if (!value.startsWith("=")) {
        boolean valid = timer.getTimeDate() != null ? isDate(value) : timer.getTimeDuration() != null ? isDuration(value) : isCycle(value);
        if (!valid) {
          findings.add(finding(event.getId(), "timer value '" + value + "' is not a valid "
              + (timer.getTimeDate() != null ? "ISO 8601 date-time" : timer.getTimeDuration() != null ? "ISO 8601 duration" : "cycle")));
        }
      }
    }
    return findings;
  }

  static boolean isDate(String value) {
    return parses(() -> OffsetDateTime.parse(value)) || parses(() -> ZonedDateTime.parse(value));
  }

  static boolean isDuration(String value) {
    if (parses(() -> Duration.parse(value)) || parses(() -> Period.parse(value))) {
      return true;
    }
    int time = value.indexOf('T');
    return time > 1 && parses(() -> Period.parse(value.substring(0, time))) && parses(() -> Duration.parse("P" + value.substring(time)));
  }

  static boolean isCycle(String value) {
    var repeating = REPEATING.matcher(value);
    if (repeating.matches()) {
      return (repeating.group(1) == null || isDate(repeating.group(1))) && isDuration(repeating.group(2));
    }
    String[] fields = value.split("\\s+");
    return fields.length == 6 && java.util.Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches());
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
