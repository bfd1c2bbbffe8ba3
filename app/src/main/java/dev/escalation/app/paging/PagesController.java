package dev.escalation.app.paging;

import dev.escalation.app.web.Problems;
import dev.escalation.workers.paging.Pages;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** N2: pages of the on-duty manager, and their acknowledgement (which stops the re-paging). */
@RestController
@RequestMapping("/api/pages")
class PagesController {
  private final Pages pages;
  private final PageAcks acks;
  private final OpenPages open;

  PagesController(Pages pages, PageAcks acks, OpenPages open) {
    this.pages = pages;
    this.acks = acks;
    this.open = open;
  }

  /** {@code by} is optional and, when given, must be the caller: an acknowledgement is always recorded as the logged-in person's (H6). */
  record Ack(@Size(max = 64) String by) {}

  /** A ticket's pages, or without {@code ticketId} every page still waiting for an acknowledgement. */
  @GetMapping
  List<PageView> ofTicket(@RequestParam(required = false) Long ticketId) {
    if (ticketId == null) {
      return open.list();
    }
    return pages.ofTicket(ticketId).stream().map(PageView::of).toList();
  }

  @GetMapping("/{id}")
  ResponseEntity<?> one(@PathVariable long id) {
    return pages.page(id).map(PageView::of).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
  }

  @PostMapping("/{id}/ack")
  ResponseEntity<?> acknowledge(@PathVariable long id, @Validated @RequestBody(required = false) Ack ack, Principal caller) {
    String by = caller.getName();
    if (ack != null && ack.by() != null && !ack.by().isBlank() && !ack.by().strip().equals(by)) {
      return ResponseEntity.badRequest().body(Problems.invalid("by",
          "must be omitted or be the logged-in user (" + by + "): a page is acknowledged by whoever acknowledges it"));
    }
    return switch (acks.acknowledge(id, by)) {
      case ACKNOWLEDGED -> ResponseEntity.accepted().body(PageView.of(pages.page(id).orElseThrow()));
      case ALREADY_ACKNOWLEDGED -> problem(HttpStatus.CONFLICT, "Page already acknowledged", "page " + id + " was already acknowledged");
      case UNANSWERED -> problem(HttpStatus.CONFLICT, "Page closed unanswered",
          "page " + id + " ran out of re-pages without an acknowledgement; the head of support was alerted");
      case UNKNOWN -> notFound(id);
    };
  }

  private static ResponseEntity<ProblemDetail> notFound(long id) {
    return problem(HttpStatus.NOT_FOUND, "Unknown page", "no page has the id " + id);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    return Problems.response(status, title, detail);
  }
}
