package dev.escalation.app.chat;

import dev.escalation.app.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The 401 of a refused conversation token, for the API and the event stream alike. */
final class ChatProblems {
  private ChatProblems() {}

  static ResponseEntity<ProblemDetail> unauthorized(ChatCallers.TokenRefused e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chat\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.UNAUTHORIZED, "Invalid conversation token", e.getMessage(), "invalid-conversation-token"));
  }
}
