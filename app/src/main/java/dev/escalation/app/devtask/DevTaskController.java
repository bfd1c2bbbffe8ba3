package dev.escalation.app.devtask;

import dev.escalation.app.web.Problems;
import dev.escalation.app.security.CurrentActor;
import dev.escalation.workers.devtask.DevTask;
import dev.escalation.workers.devtask.DevTaskState;
import dev.escalation.workers.devtask.DevTasks;
import dev.escalation.workers.devtask.Tracker;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** N3: the dev tasks, and closing a task of the internal tracker (external trackers close theirs through the webhooks). */
@RestController
@RequestMapping("/api/dev-tasks")
class DevTaskController {
  private final DevTasks devTasks;
  private final DevTaskClosures closures;
  private final CurrentActor actor;

  DevTaskController(DevTasks devTasks, DevTaskClosures closures, CurrentActor actor) {
    this.devTasks = devTasks;
    this.closures = closures;
    this.actor = actor;
  }

  record DevTaskJson(long id, long ticketId, String tracker, String key, String url, String state, String title, String description,
      Instant createdAt, Instant closedAt) {
    static DevTaskJson of(DevTask t) {
      return new DevTaskJson(t.id(), t.ticketId(), t.tracker().name(), t.key(), t.url(), t.state().name(), t.title(), t.description(),
          t.createdAt(), t.closedAt());
    }
  }

  @GetMapping
  List<DevTaskJson> list() {
    return devTasks.recent().stream().map(DevTaskJson::of).toList();
  }

  @GetMapping("/{key}")
  ResponseEntity<?> one(@PathVariable String key) {
    return devTasks.byKey(Tracker.INTERNAL, key).<ResponseEntity<?>>map(t -> ResponseEntity.ok(DevTaskJson.of(t)))
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Unknown dev task", "no internal dev task has the key " + key));
  }

  /** The internal tracker's "closed": the fix shipped. */
  @PostMapping("/{key}/close")
  ResponseEntity<?> close(@PathVariable String key) {
    var task = devTasks.byKey(Tracker.INTERNAL, key);
    if (task.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "Unknown dev task", "no internal dev task has the key " + key);
    }
    if (task.get().state() == DevTaskState.CLOSED) {
      return problem(HttpStatus.CONFLICT, "Dev task already closed", "dev task " + key + " is already closed");
    }
    return closures.closed(Tracker.INTERNAL, key, actor.name())
        .<ResponseEntity<?>>map(t -> ResponseEntity.accepted().body(DevTaskJson.of(t)))
        .orElseGet(() -> problem(HttpStatus.CONFLICT, "Dev task already closed", "dev task " + key + " is already closed"));
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    return Problems.response(status, title, detail);
  }
}
