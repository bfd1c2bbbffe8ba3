package dev.escalation.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat turns away before the app sees them (an encoded NUL or other invalid bytes in
 * the path, ...) get the same RFC 7807 problem as every other error, not Tomcat's HTML page: a 400
 * is the API's "Invalid request" problem ({@link Problems#invalid}), naming the request.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  private final ObjectMapper json;

  ContainerProblems(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // added after Spring Boot's own error report valve, so it answers first
    factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemReportValve(json)));
  }

  static final class ProblemReportValve extends ErrorReportValve {
    private final ObjectMapper json;

    ProblemReportValve(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
      String title = reason == null || reason.startsWith("http.") ? "Error" : reason;
      String detail = response.getMessage() == null || response.getMessage().isBlank() ? title : response.getMessage();
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body(status, title, detail));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // the client went away; nothing left to tell it
      }
    }

    private String body(int status, String title, String detail) throws JsonProcessingException {
      ProblemDetail problem;
      if (status == HttpStatus.BAD_REQUEST.value()) {
        problem = Problems.invalid("request", "was rejected: " + detail);
      } else {
        problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
      }
      // these answers pass no security headers (nosniff): keep markup out of them even if a client sniffs
      return json.writeValueAsString(problem).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
  }
}
