package dev.escalation.workers.translation;

import dev.escalation.workers.ticket.CustomerDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * C2: every customer message (any channel, and the description a ticket opened with) is translated
 * into the team's language after it was recorded, on this schedule and never in the inbound path:
 * a slow or failing service cannot hold up or fail a webhook. Transient failures (429, 5xx,
 * unreachable, timed out) are tried again with a doubling backoff, after at least the service's
 * {@code Retry-After}; a permanent refusal, or the last attempt, records FAILED with the service's error.
 */
@Service
public class InboundTranslations {
  private static final Logger LOG = LoggerFactory.getLogger(InboundTranslations.class);
  private static final int BATCH = 20;

  private final Translator translator;
  private final MessageTranslations translations;
  private final TranslationProperties properties;
  private final Clock clock;
  private final CustomerDetails customerDetails;

  InboundTranslations(Translator translator, MessageTranslations translations, TranslationProperties properties, Clock clock,
      CustomerDetails customerDetails) {
    this.customerDetails = customerDetails;
    this.translator = translator;
    this.translations = translations;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${escalation.translation.poll-interval:PT2S}")
  public void translatePending() {
    if (!translator.configured()) {
      return;
    }
    translations.queueUntranslated(properties.teamLanguage(), translator.provider(), clock.instant(), BATCH);
    for (MessageTranslations.Due due : translations.due(clock.instant(), BATCH)) {
      // held while the service answers, so another replica does not translate it too
      Instant lease = clock.instant().plus(properties.timeout().multipliedBy(3));
      if (translations.claim(due, lease)) {
        translate(due);
      }
    }
  }

  private void translate(MessageTranslations.Due due) {
    int attempts = due.attempts() + 1;
    try {
      Translated result = translator.translate(due.text(), null, properties.teamLanguage());
      String source = primary(result.detectedLanguage());
      if (source != null) {
        customerDetails.learnLanguage(due.ticketId(), source);
      }
      if (properties.teamLanguage().equals(source)) {
        translations.sameLanguage(due.id(), source, attempts, clock.instant());
      } else {
        translations.translated(due.id(), source, result.text(), attempts, clock.instant());
      }
    } catch (TranslationException e) {
      if (e.permanent() || attempts >= properties.maxAttempts()) {
        String reason = e.permanent() ? e.getMessage() : e.getMessage() + " (gave up after " + attempts + " attempts)";
        LOG.warn("Translation of ticket {} message {} failed: {}", due.ticketId(), due.messageId(), reason);
        translations.failed(due.id(), attempts, reason, clock.instant());
      } else {
        Duration backoff = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 10));
        Duration wait = e.retryAfter().filter(after -> after.compareTo(backoff) > 0).orElse(backoff);
        translations.retryAt(due.id(), attempts, clock.instant().plus(wait), e.getMessage());
      }
    }
  }

  /** "de-AT" -> "de": the ticket and the notices know primary languages only. */
  private static String primary(String language) {
    if (language == null || language.isBlank()) {
      return null;
    }
    return language.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
