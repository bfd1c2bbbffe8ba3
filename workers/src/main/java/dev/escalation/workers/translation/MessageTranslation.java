package dev.escalation.workers.translation;

import java.time.Instant;

/**
 * A message's translation as recorded: {@code messageId} 0 is the ticket's description. For a
 * customer message the source is the language the service detected and the target the team's; for
 * a reply sent translated the source is the team's language and {@code text} what the customer got.
 */
public record MessageTranslation(long ticketId, long messageId, TranslationStatus status, String sourceLanguage,
    String targetLanguage, String text, String provider, String error, Instant translatedAt) {

  /** {@code message_id} of the ticket's description. */
  public static final long DESCRIPTION = 0;
}
