package dev.escalation.app.translation;

import dev.escalation.workers.translation.MessageTranslation;

/**
 * A message's translation as the API shows it. {@code language} is the customer's language: the one
 * detected in what the customer wrote, or the one a reply was sent in. {@code text} is the team-language
 * translation of a customer message, or what the customer received for a reply sent translated.
 * {@code status} is {@code PENDING}, {@code TRANSLATED}, {@code SAME_LANGUAGE}, {@code FAILED} (with
 * {@code error}) or {@code NOT_CONFIGURED} (no translation service: nothing is translated).
 */
public record TranslationView(String status, String language, String text, String provider, String error) {
  static final String NOT_CONFIGURED = "NOT_CONFIGURED";
  static final String PENDING = "PENDING";

  static TranslationView of(MessageTranslation t, boolean toCustomer) {
    return new TranslationView(t.status().name(), toCustomer ? t.targetLanguage() : t.sourceLanguage(), t.text(),
        t.provider(), t.error());
  }
}
