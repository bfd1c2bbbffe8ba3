package dev.escalation.app.ticket;

import dev.escalation.app.security.ActsOnTicket;
import dev.escalation.app.ticket.HistoryViews.AttemptView;
import dev.escalation.app.ticket.HistoryViews.EscalationAccepted;
import dev.escalation.app.ticket.HistoryViews.EscalationView;
import dev.escalation.app.ticket.HistoryViews.HandoffNoteView;
import dev.escalation.app.ticket.HistoryViews.MessageView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ticket API: staff open and read tickets; the actions ({@code POST /{id}/...}) are for the owner or a supervisor. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {
  private final TicketCommands commands;
  private final TicketQueries queries;
  private final CustomerReplies replies;

  TicketController(TicketCommands commands, TicketQueries queries, CustomerReplies replies) {
    this.commands = commands;
    this.queries = queries;
    this.replies = replies;
  }

  @PostMapping
  ResponseEntity<TicketView> open(@Valid @RequestBody Requests.OpenTicket request) {
    long id = commands.open(request).id();
    return ResponseEntity.created(URI.create("/api/tickets/" + id)).body(queries.ticket(id));
  }

  @GetMapping
  List<TicketView> recent() {
    return queries.recent();
  }

  @GetMapping("/{id}")
  TicketView ticket(@PathVariable long id) {
    return queries.ticket(id);
  }

  @GetMapping("/{id}/timeline")
  List<TicketQueries.TimelineEntry> timeline(@PathVariable long id) {
    return queries.timeline(id);
  }

  @GetMapping("/{id}/messages")
  List<MessageView> conversation(@PathVariable long id) {
    return queries.conversation(id);
  }

  @GetMapping("/{id}/attempts")
  List<AttemptView> attempts(@PathVariable long id) {
    return queries.attempts(id);
  }

  @GetMapping("/{id}/handoff-notes")
  List<HandoffNoteView> handoffNotes(@PathVariable long id) {
    return queries.handoffNotes(id);
  }

  @GetMapping("/{id}/escalations")
  List<EscalationView> escalations(@PathVariable long id) {
    return queries.escalations(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/attempts")
  ResponseEntity<TicketView> recordAttempt(@PathVariable long id, @Valid @RequestBody Requests.Attempt request) {
    commands.recordAttempt(id, request);
    return accepted(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/escalations")
  ResponseEntity<EscalationAccepted> escalate(@PathVariable long id, @Valid @RequestBody Requests.EscalationRequest request) {
    HandoffNoteView note = HandoffNoteView.of(commands.escalate(id, request));
    return ResponseEntity.accepted().body(new EscalationAccepted(queries.ticket(id), note));
  }

  @ActsOnTicket
  @PostMapping("/{id}/waiting-on-customer")
  ResponseEntity<TicketView> askCustomer(@PathVariable long id, @Valid @RequestBody Requests.Question request) {
    commands.askCustomer(id, request);
    return accepted(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/customer-replies")
  ResponseEntity<TicketView> customerReplied(@PathVariable long id, @Valid @RequestBody Requests.CustomerReply request) {
    commands.customerReplied(id, request);
    return accepted(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/replies")
  ResponseEntity<TicketView> reply(@PathVariable long id, @Valid @RequestBody Requests.Reply request) {
    replies.reply(id, request.text());
    return accepted(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/resolution")
  ResponseEntity<TicketView> resolve(@PathVariable long id, @Valid @RequestBody Requests.Resolution request) {
    commands.resolve(id, request);
    return accepted(id);
  }

  @ActsOnTicket
  @PostMapping("/{id}/reopen")
  ResponseEntity<TicketView> reopen(@PathVariable long id, @Valid @RequestBody Requests.Reopen request) {
    commands.reopen(id, request);
    return accepted(id);
  }

  /** 202: the ledger has it; the process carries out the rest (assignment, clocks, notices) right after. */
  private ResponseEntity<TicketView> accepted(long id) {
    return ResponseEntity.accepted().body(queries.ticket(id));
  }
}
