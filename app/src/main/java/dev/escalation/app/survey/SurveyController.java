package dev.escalation.app.survey;

import dev.escalation.app.web.Problems;
import dev.escalation.workers.survey.Surveys;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * M5: the survey link, without login (the signed token is the permission). {@code GET} in a browser is the
 * survey page ({@code static/survey.html}); {@code GET} asking for JSON tells what the link stands for;
 * {@code POST} with {@code {rating, comment}} answers it.
 */
@RestController
class SurveyController {
  private static final Resource PAGE = new ClassPathResource("static/survey.html");

  private final Surveys surveys;

  SurveyController(Surveys surveys) {
    this.surveys = surveys;
  }

  /** {@code status}: OPEN, RECORDED or ALREADY_ANSWERED; {@code rating} once answered. */
  record SurveyState(Surveys.Status status, Integer rating, Instant expiresAt) {}

  @GetMapping(path = "/survey/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> page(@PathVariable String token) {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
  }

  @GetMapping(path = "/survey/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> state(@PathVariable String token) {
    return respond(surveys.look(token));
  }

  @PostMapping("/survey/{token}")
  ResponseEntity<?> answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
    return respond(surveys.answer(token, answer.rating().intValueExact(), answer.comment()));
  }

  private static ResponseEntity<?> respond(Surveys.Outcome outcome) {
    return switch (outcome.status()) {
      case OPEN, RECORDED, ALREADY_ANSWERED ->
          ResponseEntity.ok(new SurveyState(outcome.status(), outcome.rating(), outcome.expiresAt()));
      case EXPIRED -> Problems.response(HttpStatus.GONE, "Survey link expired",
          "This survey link expired at " + outcome.expiresAt() + "; it can no longer be answered.");
      case INVALID -> Problems.response(HttpStatus.NOT_FOUND, "Survey link not valid",
          "This survey link is not valid: it is unknown, or it was changed.");
    };
  }
}
