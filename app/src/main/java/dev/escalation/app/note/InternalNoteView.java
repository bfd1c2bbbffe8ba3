package dev.escalation.app.note;

import java.time.Instant;

/** C3: a staff-only note as the API shows it. */
public record InternalNoteView(long id, long ticketId, String author, String text, Instant createdAt) {}
