package dev.escalation.app.roster;

import dev.escalation.app.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Roster write API, for admins (URL rules): add a member, change one; the answer carries coverage warnings. */
@RestController
class RosterWriteController {
  private final RosterCommands commands;

  RosterWriteController(RosterCommands commands) {
    this.commands = commands;
  }

  record Written(RosterController.MemberView member, List<String> warnings) {
    static Written of(RosterCommands.Written w) {
      var m = w.member();
      return new Written(new RosterController.MemberView(m.username(), m.displayName(), m.email(), m.role().name(), m.tier(),
          m.skillGroup(), m.available(), m.onDuty()), w.warnings());
    }
  }

  @PostMapping("/api/roster")
  ResponseEntity<Written> add(@Valid @RequestBody MemberRequest request) {
    Written written = Written.of(commands.add(request));
    return ResponseEntity.created(URI.create("/api/roster/" + written.member().username())).body(written);
  }

  @PutMapping("/api/roster/{username}")
  Written change(@PathVariable String username, @Valid @RequestBody MemberRequest request) {
    return Written.of(commands.change(username, request));
  }

  @ExceptionHandler(RosterCommands.Invalid.class)
  ProblemDetail invalid(RosterCommands.Invalid e) {
    return Problems.invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(RosterCommands.Conflict.class)
  ProblemDetail conflict(RosterCommands.Conflict e) {
    return Problems.of(HttpStatus.CONFLICT, "Roster member exists", e.getMessage(), "roster-member-exists");
  }

  @ExceptionHandler(RosterCommands.NotFound.class)
  ProblemDetail notFound(RosterCommands.NotFound e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Roster member not found", e.getMessage(), "roster-member-not-found");
  }

  @ExceptionHandler(RosterCommands.LeavesTierUnowned.class)
  ProblemDetail unowned(RosterCommands.LeavesTierUnowned e) {
    ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Tier left without owner", e.getMessage(), "tier-without-owner");
    problem.setProperty("rule", "H1");
    return problem;
  }
}
