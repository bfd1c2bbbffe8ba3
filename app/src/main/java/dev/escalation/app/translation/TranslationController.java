package dev.escalation.app.translation;

import dev.escalation.app.web.Problems;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.translation.MessageTranslation;
import dev.escalation.workers.translation.TranslationProperties;
import dev.escalation.workers.translation.Translator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** C2: tells staff (and the ticket page) whether a translation service is configured. */
@RestController
class TranslationController {
  private final Translator translator;
  private final TranslationProperties properties;
  private final ConversationTranslations conversations;
  private final TicketRepository tickets;

  TranslationController(Translator translator, TranslationProperties properties, ConversationTranslations conversations,
      TicketRepository tickets) {
    this.translator = translator;
    this.properties = properties;
    this.conversations = conversations;
    this.tickets = tickets;
  }

  record TranslationService(boolean configured, String provider, String teamLanguage) {}

  @GetMapping("/api/translation")
  TranslationService service() {
    return new TranslationService(translator.configured(), translator.provider(), properties.teamLanguage());
  }

  /** The translation of the ticket's description: the customer's first message when a channel opened the ticket. */
  @GetMapping("/api/tickets/{id}/description-translation")
  ResponseEntity<?> description(@PathVariable long id) {
    if (!tickets.existsById(id)) {
      return ResponseEntity.of(Problems.of(HttpStatus.NOT_FOUND, "Ticket not found", "no ticket " + id, "ticket-not-found")).build();
    }
    return ResponseEntity.ok(conversations.of(id).forMessage(MessageTranslation.DESCRIPTION, true));
  }
}
