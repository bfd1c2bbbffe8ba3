package dev.escalation.app.approval;

import dev.escalation.workers.review.RootCause;
import dev.escalation.app.security.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The manager inbox (A1-A3): {@code GET /api/tasks}, claim, complete. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {
  private final Inbox inbox;
  private final CurrentActor actor;

  TaskController(Inbox inbox, CurrentActor actor) {
    this.inbox = inbox;
    this.actor = actor;
  }

  /**
   * What completes a task: a refund decision ({@code decision}, {@code comment}), or the answers of
   * an escalation review ({@code avoidable}, {@code rootCause}, {@code whatWouldHaveHelped}).
   */
  record Completion(
      @Size(max = 20) String decision,
      @Size(max = 2000) String comment,
      Boolean avoidable,
      RootCause rootCause,
      @Size(max = 4000) String whatWouldHaveHelped) {}

  @GetMapping
  List<Inbox.TaskView> open() {
    return inbox.open(Caller.of(actor));
  }

  @PreAuthorize("@taskAccess.mayWorkOn(authentication, #id)")
  @PostMapping("/{id}/claim")
  Inbox.TaskView claim(@PathVariable long id) {
    return inbox.claim(Caller.of(actor), id);
  }

  @PreAuthorize("@taskAccess.mayWorkOn(authentication, #id)")
  @PostMapping("/{id}/complete")
  Inbox.TaskView complete(@PathVariable long id, @Valid @RequestBody Completion completion) {
    return inbox.complete(Caller.of(actor), id, completion);
  }
}
