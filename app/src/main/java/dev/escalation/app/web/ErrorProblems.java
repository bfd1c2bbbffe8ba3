package dev.escalation.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page of the servlet container ({@code /error}, in place of Spring Boot's): whatever no
 * handler turned into an answer (an unexpected exception in a controller or filter, a database that
 * refuses a value, a bare {@code sendError}) is an RFC 7807 problem, never Spring's default body. A
 * server error says only that it happened and under which reference it was logged: exception
 * names, SQL and stack traces go to the log, not to the caller.
 */
@RestController
class ErrorProblems implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ErrorProblems.class);

  private final ErrorAttributes errors;
  private final ObjectMapper json;

  ErrorProblems(ErrorAttributes errors, ObjectMapper json) {
    this.errors = errors;
    this.json = json;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpStatus status = status(request);
    ProblemDetail problem;
    if (status.is5xxServerError()) {
      String reference = UUID.randomUUID().toString();
      log.error("unexpected error {} answering {} {} (reference {})", status.value(), request.getMethod(),
          request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), reference, errors.getError(new ServletWebRequest(request)));
      problem = Problems.of(status, status.getReasonPhrase(),
          "the server could not complete the request; the error was logged under reference " + reference, "server-error");
      problem.setProperty("reference", reference);
    } else {
      problem = Problems.of(status, status.getReasonPhrase(), status.getReasonPhrase(),
          status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code == null) {
      return HttpStatus.NOT_FOUND; // /error asked for directly: no error to report
    }
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
