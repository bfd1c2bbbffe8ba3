package dev.escalation.app.ticket;

import dev.escalation.app.security.ActsOnTicket;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** S4: {@code POST /api/tickets/{id}/priority}, for the ticket's owner, a manager or the head of support. */
@RestController
@RequestMapping("/api/tickets")
class PriorityController {
  private final PriorityCommands commands;
  private final TicketQueries queries;

  PriorityController(PriorityCommands commands, TicketQueries queries) {
    this.commands = commands;
    this.queries = queries;
  }

  /** 202: the ledger has the new priority; the process re-evaluates the SLA policy and moves the clocks right after. */
  @ActsOnTicket
  @PostMapping("/{id}/priority")
  ResponseEntity<TicketView> change(@PathVariable long id, @Valid @RequestBody PriorityChange request) {
    commands.change(id, request);
    return ResponseEntity.accepted().body(queries.ticket(id));
  }
}
