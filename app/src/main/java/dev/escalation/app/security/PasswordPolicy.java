package dev.escalation.app.security;

import java.util.Locale;

/** Passwords an operator or admin sets: long enough, and never the demo password. */
final class PasswordPolicy {
  static final String DEMO_PASSWORD = "demo";
  static final int MIN_LENGTH = 12;

  private PasswordPolicy() {}

  /** The reason the password is refused, or null when it is acceptable. */
  static String problem(String password) {
    if (password == null || password.isBlank()) {
      return "must not be empty";
    }
    if (password.strip().toLowerCase(Locale.ROOT).equals(DEMO_PASSWORD)) {
      return "must not be the demo password 'demo'";
    }
    if (password.length() < MIN_LENGTH) {
      return "must have at least " + MIN_LENGTH + " characters";
    }
    return null;
  }
}
