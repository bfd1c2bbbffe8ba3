package dev.escalation.app.paging;

import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import dev.escalation.workers.paging.OnCallRoster;
import dev.escalation.workers.paging.OnCallShift;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** N2: the on-call roster (who is on call when, in which order they are paged). */
@RestController
@RequestMapping("/api/on-call")
class OnCallController {
  private static final Duration LONGEST_SHIFT = Duration.ofDays(31);

  private final OnCallRoster onCall;
  private final RosterRepository roster;
  private final Clock clock;

  OnCallController(OnCallRoster onCall, RosterRepository roster, Clock clock) {
    this.onCall = onCall;
    this.roster = roster;
    this.clock = clock;
  }

  record ShiftRequest(
      @NotBlank @Size(max = 64) String username,
      @NotNull Instant startsAt,
      @NotNull Instant endsAt,
      @NotNull @Min(1) @Max(99) Integer escalationOrder) {}

  /** The shifts, and the order in which managers would be paged right now. */
  @GetMapping
  Map<String, Object> list() {
    return Map.of(
        "pagingOrderNow", onCall.pagingOrder(clock.instant()).stream().map(RosterMember::username).toList(),
        "shifts", onCall.shifts().stream().map(ShiftView::of).toList());
  }

  @PostMapping
  ResponseEntity<?> add(@Valid @RequestBody ShiftRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    var member = roster.findById(request.username());
    if (member.isEmpty()) {
      errors.add(new FieldProblem("username", "is not on the roster"));
    } else if (!member.get().role().isSupervisor()) {
      errors.add(new FieldProblem("username", "must be a MANAGER or HEAD_OF_SUPPORT, not " + member.get().role()));
    }
    if (!request.endsAt().isAfter(request.startsAt())) {
      errors.add(new FieldProblem("endsAt", "must be after startsAt"));
    } else if (Duration.between(request.startsAt(), request.endsAt()).compareTo(LONGEST_SHIFT) > 0) {
      errors.add(new FieldProblem("endsAt", "must be at most 31 days after startsAt"));
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    OnCallShift saved = onCall.add(new OnCallShift(null, request.username(), request.startsAt(), request.endsAt(), request.escalationOrder()));
    return ResponseEntity.created(URI.create("/api/on-call/" + saved.id())).body(ShiftView.of(saved));
  }
}
