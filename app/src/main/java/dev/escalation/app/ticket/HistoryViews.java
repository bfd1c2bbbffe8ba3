package dev.escalation.app.ticket;

import dev.escalation.app.translation.ConversationTranslations;
import dev.escalation.app.translation.TranslationView;
import dev.escalation.workers.handoff.Escalation;
import dev.escalation.workers.handoff.EscalationType;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.ticket.ResolutionAttempt;
import dev.escalation.workers.ticket.TicketMessage;
import java.time.Instant;

/**
 * A ticket's history as the API shows it: what the ledger holds, copied field by field, so that a
 * change to a ledger entity never changes the API by accident.
 */
final class HistoryViews {
  private HistoryViews() {}

  /** {@code translation}: C2, the translation beside the message (see {@link TranslationView}); null for a reply sent as written. */
  record MessageView(long id, long ticketId, TicketMessage.Direction direction, String author, String body, Instant createdAt,
      TranslationView translation) {
    static MessageView of(TicketMessage m, ConversationTranslations.Lookup translations) {
      return new MessageView(m.id(), m.ticketId(), m.direction(), m.author(), m.body(), m.createdAt(),
          translations.forMessage(m.id(), m.direction() == TicketMessage.Direction.FROM_CUSTOMER));
    }
  }

  record AttemptView(long id, long ticketId, int tier, String author, String note, Instant createdAt) {
    static AttemptView of(ResolutionAttempt a) {
      return new AttemptView(a.id(), a.ticketId(), a.tier(), a.author(), a.note(), a.createdAt());
    }
  }

  record HandoffNoteView(long id, long ticketId, String author, boolean automatic, EscalationType escalationType, String summary,
      String attempted, String need, String overrideReason, Instant createdAt) {
    static HandoffNoteView of(HandoffNote n) {
      return new HandoffNoteView(n.id(), n.ticketId(), n.author(), n.automatic(), n.escalationType(), n.summary(), n.attempted(),
          n.need(), n.overrideReason(), n.createdAt());
    }
  }

  record EscalationView(long id, long ticketId, Instant ticketOpenedAt, long handoffNoteId, EscalationType escalationType,
      String cause, int fromTier, int toTier, String fromOwner, String toOwner, boolean reescalation, Instant escalatedAt) {
    static EscalationView of(Escalation e) {
      return new EscalationView(e.id(), e.ticketId(), e.ticketOpenedAt(), e.handoffNoteId(), e.escalationType(), e.cause(),
          e.fromTier(), e.toTier(), e.fromOwner(), e.toOwner(), e.reescalation(), e.escalatedAt());
    }
  }

  /** The answer to an escalation: the ticket as it is now and the handoff note just written. */
  record EscalationAccepted(TicketView ticket, HandoffNoteView handoffNote) {}
}
