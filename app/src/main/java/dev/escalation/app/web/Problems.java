package dev.escalation.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 7807 bodies the way every endpoint of this API writes them: status, title, detail and a type
 * URI. Bad input is always {@link #invalid}: one shape, whichever part of the app refuses it.
 */
public final class Problems {
  private static final String TYPE_BASE = "https://escalation.dev/problems/";

  private Problems() {}

  /** One bad part of a request: the field (a JSON path such as {@code customer.email}, or a parameter's name) and what is wrong. */
  public record FieldProblem(String field, String message) {}

  /** A problem whose type is {@code https://escalation.dev/problems/<type>}. */
  public static ProblemDetail of(HttpStatus status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }

  /** A problem response whose type is the title in kebab case ("Dev task already closed" → dev-task-already-closed). */
  public static ResponseEntity<ProblemDetail> response(HttpStatus status, String title, String detail) {
    return ResponseEntity.status(status).body(of(status, title, detail, title.toLowerCase().replace(' ', '-')));
  }

  /**
   * The 400 of every bad input: title "Invalid request", type {@code invalid-request}, each bad
   * field in {@code errors: [{field, message}]} (in the order given) and all of them in the detail.
   */
  public static ProblemDetail invalid(List<FieldProblem> errors) {
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request",
        errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; ")), "invalid-request");
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  public static ProblemDetail invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  /** For the parts that answer outside Spring MVC (the security filter chain): the problem as the response. */
  public static void write(ProblemDetail problem, HttpServletResponse response, ObjectMapper json) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
