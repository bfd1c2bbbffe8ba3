package dev.escalation.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.camunda.client.api.command.ClientException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.escalation.app.web.Problems.FieldProblem;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every malformed request into a 400 problem that names each bad field, and the few
 * server-side failures into problems an operator can act on.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(Problems.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldProblem problem = new FieldProblem("body", "is not valid JSON for this request");
    if (e instanceof StrictUtf8Bodies.InvalidUtf8Body) {
      problem = new FieldProblem("body", e.getMessage());
    } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = "has the wrong type";
      if (mapping instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
        message = "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
            .collect(Collectors.joining(", "));
      }
      problem = new FieldProblem(field, message);
    }
    return ResponseEntity.badRequest().body(Problems.invalid(List.of(problem)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
      return Problems.invalid(List.of(new FieldProblem(e.getName(), "must be one of " + Arrays.stream(e.getRequiredType().getEnumConstants())
          .map(Object::toString).collect(Collectors.joining(", ")))));
    }
    String what = e.getMostSpecificCause() instanceof DecimalIds.NotAnId notAnId ? notAnId.getMessage() : "has the wrong type";
    return Problems.invalid(List.of(new FieldProblem(e.getName(), what + ": '" + e.getValue() + "'")));
  }

  /**
   * Optimistic lock (the version moved), or a deadlock between two changes of the same ticket
   * (each inserted a row referencing the ticket, then updated it): the loser's transaction is
   * rolled back whole, so it is the same 409 as a moved version.
   */
  @ExceptionHandler(ConcurrencyFailureException.class)
  ProblemDetail concurrentChange(ConcurrencyFailureException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "someone else changed this ticket at the same moment; reload it and try again");
    problem.setTitle("Concurrent change");
    problem.setType(URI.create("https://escalation.dev/problems/concurrent-change"));
    return problem;
  }

  /**
   * A wildcard Content-Type ({@code *}{@code /*}, {@code text/*}) names no format to read: Spring
   * refuses it with a bare IllegalArgumentException, which is a 415 like any unsupported type.
   */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail wildcardContentType(IllegalArgumentException e, WebRequest request) {
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (!isWildcard(contentType)) {
      throw e;
    }
    return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type '" + contentType + "' is not supported; send application/json");
  }

  private static boolean isWildcard(String contentType) {
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      return type != null && (type.isWildcardType() || type.isWildcardSubtype());
    } catch (InvalidMediaTypeException notEvenThat) {
      return false;
    }
  }

  @ExceptionHandler(ClientException.class)
  ProblemDetail engineUnavailable(ClientException e) {
    log.error("the process engine refused or did not answer", e);
    return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable",
        "the process engine did not accept the change, so nothing was saved: " + e.getMessage(), "engine-unavailable");
  }
}
