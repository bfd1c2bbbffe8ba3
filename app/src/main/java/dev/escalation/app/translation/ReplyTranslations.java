package dev.escalation.app.translation;

import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.translation.MessageTranslations;
import dev.escalation.workers.translation.TranslationException;
import dev.escalation.workers.translation.TranslationProperties;
import dev.escalation.workers.translation.Translator;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * C2: an agent's reply translated into the customer's language before it is sent. The ticket keeps
 * the agent's original as the message and the text the customer got as its translation. If the
 * service cannot translate, the reply is refused (nothing sent, nothing recorded) so the agent can
 * send it as written.
 */
@Service
public class ReplyTranslations {
  private final Translator translator;
  private final MessageTranslations translations;
  private final TranslationProperties properties;
  private final Clock clock;

  ReplyTranslations(Translator translator, MessageTranslations translations, TranslationProperties properties, Clock clock) {
    this.translator = translator;
    this.translations = translations;
    this.properties = properties;
    this.clock = clock;
  }

  /** A reply's text in the customer's language, ready to send. */
  public record TranslatedReply(String original, String sent, String language, String provider) {}

  /** Translates the agent's text into the ticket's customer's language, or refuses with why not. */
  public TranslatedReply translate(Ticket ticket, String text) {
    if (!translator.configured()) {
      throw new ReplyNotTranslatedException(ReplyNotTranslatedException.Reason.NOT_CONFIGURED,
          "no translation service is configured (escalation.translation.provider is none); send the reply without translate", null);
    }
    String language = customerLanguage(ticket);
    if (language.equals(properties.teamLanguage())) {
      throw new ReplyNotTranslatedException(ReplyNotTranslatedException.Reason.SAME_LANGUAGE,
          "the customer's language is the team's (" + language + "); send the reply without translate", null);
    }
    try {
      String sent = translator.translate(text, properties.teamLanguage(), language).text();
      return new TranslatedReply(text, sent, language, translator.provider());
    } catch (TranslationException e) {
      throw new ReplyNotTranslatedException(e.permanent() ? ReplyNotTranslatedException.Reason.REFUSED
          : ReplyNotTranslatedException.Reason.UNAVAILABLE, e.getMessage()
          + "; nothing was sent: try again later or send the reply without translate", e.retryAfter().orElse(null));
    }
  }

  /** Records what the customer got beside the reply's message (in the reply's transaction). */
  public void recordSent(long ticketId, long messageId, TranslatedReply reply) {
    translations.recordSent(ticketId, messageId, properties.teamLanguage(), reply.language(), reply.sent(), reply.provider(),
        clock.instant());
  }

  private String customerLanguage(Ticket ticket) {
    String known = ticket.customer().language();
    if (known != null && !known.isBlank()) {
      return known.strip().split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    }
    return translations.detectedCustomerLanguage(ticket.id()).orElseThrow(() -> new ReplyNotTranslatedException(
        ReplyNotTranslatedException.Reason.LANGUAGE_UNKNOWN,
        "the customer's language is not known yet (not on the ticket, not detected in a message); send the reply without translate",
        null));
  }
}
