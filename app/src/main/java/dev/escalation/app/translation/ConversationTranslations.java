package dev.escalation.app.translation;

import dev.escalation.workers.translation.MessageTranslation;
import dev.escalation.workers.translation.MessageTranslations;
import dev.escalation.workers.translation.Translator;
import java.util.Map;
import org.springframework.stereotype.Service;

/** C2: the translations beside a ticket's conversation, for {@code GET /api/tickets/{id}/messages}. */
@Service
public class ConversationTranslations {
  private final MessageTranslations translations;
  private final Translator translator;

  ConversationTranslations(MessageTranslations translations, Translator translator) {
    this.translations = translations;
    this.translator = translator;
  }

  /** The ticket's translations, read once for its whole conversation. */
  public Lookup of(long ticketId) {
    return new Lookup(translations.ofTicket(ticketId), translator.configured(), translator.provider());
  }

  public record Lookup(Map<Long, MessageTranslation> byMessage, boolean configured, String provider) {

    /**
     * A customer message's translation: {@code NOT_CONFIGURED} without a service (nothing is translated),
     * {@code PENDING} until the service answered. A reply shows the translation it was sent in, if any.
     */
    public TranslationView forMessage(long messageId, boolean fromCustomer) {
      MessageTranslation recorded = byMessage.get(messageId);
      if (!fromCustomer) {
        return recorded == null ? null : TranslationView.of(recorded, true);
      }
      if (!configured) {
        return new TranslationView(TranslationView.NOT_CONFIGURED, null, null, provider, null);
      }
      return recorded == null
          ? new TranslationView(TranslationView.PENDING, null, null, provider, null)
          : TranslationView.of(recorded, false);
    }
  }
}
