package dev.escalation.app.security;

import dev.escalation.app.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The firewall's refusals (encoded semicolons, NUL, ...) as 400 problems. */
class RejectedRequests implements RequestRejectedHandler {
  private final ObjectMapper json;

  RejectedRequests(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
    Problems.write(Problems.invalid("request", "was rejected: " + e.getMessage()), response, json);
  }
}
