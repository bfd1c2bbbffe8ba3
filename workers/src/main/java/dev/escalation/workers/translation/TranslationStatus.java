package dev.escalation.workers.translation;

/** Where a message's translation stands. */
public enum TranslationStatus {
  /** waiting for the service (first try, or a retry after a transient failure) */
  PENDING,
  TRANSLATED,
  /** the customer wrote in the team's language: nothing to translate */
  SAME_LANGUAGE,
  /** the service refused for good, or transient failures ran out of attempts; the error says why */
  FAILED
}
