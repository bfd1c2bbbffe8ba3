package dev.escalation.processes.modelcheck.lint;

/** One violation of one rule: which rule, which element (by id), and what is wrong with it. */
public record Finding(String rule, String elementId, String message) {
  @Override
  public String toString() {
    return rule + ": " + elementId + ": " + message;
  }
}
