package dev.escalation.app.note;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * C3 Internal notes stay internal: a note is stored in its own table and shown in the ticket's
 * timeline as an {@code INTERNAL_NOTE} entry, both read only through staff endpoints. No notice,
 * message or outbound channel reads them.
 */
@Service
class InternalNotes {
  private final InternalNoteQueries notes;
  private final AuditTrail audit;
  private final CurrentActor actor;
  private final Clock clock;

  InternalNotes(InternalNoteQueries notes, AuditTrail audit, CurrentActor actor, Clock clock) {
    this.notes = notes;
    this.audit = audit;
    this.actor = actor;
    this.clock = clock;
  }

  @Transactional
  InternalNoteView add(long ticketId, String text) {
    existing(ticketId);
    String by = actor.name();
    Instant now = clock.instant();
    long id = notes.insert(ticketId, by, text, now);
    audit.record(ticketId, AuditEventType.INTERNAL_NOTE, by, text);
    return new InternalNoteView(id, ticketId, by, text, now);
  }

  List<InternalNoteView> of(long ticketId) {
    existing(ticketId);
    return notes.ofTicket(ticketId);
  }

  private void existing(long ticketId) {
    if (!notes.ticketExists(ticketId)) {
      throw new NoteTicketNotFoundException(ticketId);
    }
  }

  static class NoteTicketNotFoundException extends RuntimeException {
    NoteTicketNotFoundException(long id) {
      super("ticket " + id + " does not exist");
    }
  }
}
