package dev.escalation.app.ticket;

import dev.escalation.app.security.ActsOnTicket;
import dev.escalation.app.security.GrabsTicket;
import dev.escalation.app.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** W2 grab and W3 reassignment: 202 with the ticket; the process hands it over right after. */
@RestController
class HandoverController {
  private final HandoverCommands commands;
  private final TicketQueries queries;

  HandoverController(HandoverCommands commands, TicketQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  @GrabsTicket
  @PostMapping("/api/tickets/{id}/grab")
  ResponseEntity<TicketView> grab(@PathVariable long id, @Valid @RequestBody(required = false) HandoverRequests.Grab request) {
    commands.grab(id, request == null ? null : request.note());
    return ResponseEntity.accepted().body(queries.ticket(id));
  }

  /** Supervisors only (URL rule); @ActsOnTicket keeps the one owner check every ticket action has. */
  @ActsOnTicket
  @PostMapping("/api/tickets/{id}/reassignment")
  ResponseEntity<TicketView> reassign(@PathVariable long id, @Valid @RequestBody HandoverRequests.Reassignment request) {
    commands.reassign(id, request);
    return ResponseEntity.accepted().body(queries.ticket(id));
  }

  @ExceptionHandler(HandoverCommands.CannotOwnException.class)
  ProblemDetail cannotOwn(HandoverCommands.CannotOwnException e) {
    ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot own this ticket", e.getMessage(), "cannot-own-ticket");
    problem.setProperty("rule", "W3");
    return problem;
  }

  @ExceptionHandler(HandoverCommands.NotOnRosterException.class)
  ProblemDetail notOnRoster(HandoverCommands.NotOnRosterException e) {
    return Problems.invalid("username", e.getMessage());
  }
}
