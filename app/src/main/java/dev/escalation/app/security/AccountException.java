package dev.escalation.app.security;

/** A user or token request the rules refuse; a 400 problem naming the field. */
class AccountException extends RuntimeException {
  private final String field;

  AccountException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
