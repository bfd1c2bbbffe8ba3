package dev.escalation.app.note;

import dev.escalation.app.security.ActsOnTicket;
import dev.escalation.app.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** C3: staff-only notes on a ticket. Support staff read them; the owner or a supervisor adds them. */
@RestController
class InternalNoteController {
  private final InternalNotes notes;

  InternalNoteController(InternalNotes notes) {
    this.notes = notes;
  }

  record NewNote(@NotBlank @Size(max = 5000) String text) {}

  @GetMapping("/api/tickets/{id}/internal-notes")
  List<InternalNoteView> notes(@PathVariable long id) {
    return notes.of(id);
  }

  @ActsOnTicket
  @PostMapping("/api/tickets/{id}/internal-notes")
  ResponseEntity<InternalNoteView> add(@PathVariable long id, @Valid @RequestBody NewNote note) {
    InternalNoteView added = notes.add(id, note.text());
    return ResponseEntity.created(URI.create("/api/tickets/" + id + "/internal-notes")).body(added);
  }

  @ExceptionHandler(InternalNotes.NoteTicketNotFoundException.class)
  ProblemDetail notFound(InternalNotes.NoteTicketNotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Ticket not found", e.getMessage(), "ticket-not-found");
  }
}
