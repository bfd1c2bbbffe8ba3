package dev.escalation.app.ticket;

/** A guardrail (T8) is not met and no override reason was given (HTTP 422). */
class RuleNotMetException extends RuntimeException {
  private final String rule;

  RuleNotMetException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  String rule() {
    return rule;
  }
}
