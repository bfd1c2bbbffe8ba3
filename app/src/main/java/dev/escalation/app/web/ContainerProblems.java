package dev.escalation.app.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat turns away before the app sees them (an encoded NUL or other invalid bytes in
 * the path, ...) get the same RFC 7807 problem as every other error, not Tomcat's HTML page.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // added after Spring Boot's own error report valve, so it answers first
    factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
  }

  static final class ProblemReportValve extends ErrorReportValve {
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
          writer.write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":" + quote(detail) + "}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // the client went away; nothing left to tell it
      }
    }

    private static String quote(String text) {
      StringBuilder json = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        switch (c) {
          case '"' -> json.append("\\\"");
          case '\\' -> json.append("\\\\");
          default -> {
            if (c < 0x20 || c == '<' || c == '>' || c == '&') {
              json.append(String.format("\\u%04x", (int) c));
            } else {
              json.append(c);
            }
          }
        }
      }
      return json.append('"').toString();
    }
  }
}
