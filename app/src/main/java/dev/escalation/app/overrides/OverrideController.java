package dev.escalation.app.overrides;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.app.web.FreeText;
import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** M7: the rule overrides for managers and above ({@code SecurityConfiguration}), and their review. */
@RestController
class OverrideController {
  private final OverrideQueries overrides;
  private final OverrideReviews reviews;
  private final CurrentActor actor;

  OverrideController(OverrideQueries overrides, OverrideReviews reviews, CurrentActor actor) {
    this.overrides = overrides;
    this.reviews = reviews;
    this.actor = actor;
  }

  record ReviewRequest(@NotBlank @Size(max = 2000) String note) {}

  @GetMapping("/api/overrides")
  ResponseEntity<?> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String rule, @RequestParam(required = false) String text,
      @RequestParam(required = false) String reviewed) {
    List<FieldProblem> errors = new ArrayList<>();
    Instant start = instant("from", from, errors);
    Instant end = instant("to", to, errors);
    if (rule != null && !rule.matches("[A-Z][0-9]{1,2}")) {
      errors.add(new FieldProblem("rule", "must be a rule id such as T8"));
    }
    if (text != null && (text.length() > 200 || FreeText.problem(text) != null)) {
      errors.add(new FieldProblem("text", text.length() > 200 ? "must be at most 200 characters" : FreeText.problem(text)));
    }
    if (reviewed != null && !reviewed.equals("true") && !reviewed.equals("false")) {
      errors.add(new FieldProblem("reviewed", "must be true or false"));
    }
    if (errors.isEmpty() && start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldProblem("to", "must be after from (" + start + ")"));
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    String part = text == null || text.isBlank() ? null : text.strip();
    return ResponseEntity.ok(overrides.list(new OverrideQueries.Filter(start, end, rule, part, reviewed == null ? null : Boolean.valueOf(reviewed))));
  }

  @PostMapping("/api/overrides/{id}/review")
  Override review(@PathVariable long id, @Valid @RequestBody ReviewRequest request) {
    return reviews.review(id, request.note(), actor.name());
  }

  @ExceptionHandler
  ResponseEntity<?> notFound(OverrideReviews.NoSuchOverride e) {
    return Problems.response(HttpStatus.NOT_FOUND, "Override not found", e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<?> reviewedAlready(OverrideReviews.AlreadyReviewed e) {
    return Problems.response(HttpStatus.CONFLICT, "Override already reviewed", e.getMessage());
  }

  private static Instant instant(String field, String value, List<FieldProblem> errors) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not '" + value + "'"));
      return null;
    }
  }
}
