package dev.escalation.app.chat;

import dev.escalation.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat's entries as server-sent events. The token comes as the query parameter {@code token}, because
 * a browser's EventSource cannot send headers; a reconnecting EventSource sends {@code Last-Event-ID}.
 */
@RestController
class ChatStreamController {
  private final ChatCallers callers;
  private final ChatStreams streams;

  ChatStreamController(ChatCallers callers, ChatStreams streams) {
    this.callers = callers;
    this.streams = streams;
  }

  @GetMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@RequestParam(required = false) String token,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    ChatCaller caller = callers.of(token);
    return streams.open(caller, lastEventId(lastEventId));
  }

  /** An id this stream never sent (not a number) counts as none: the whole transcript is sent. */
  private static long lastEventId(String header) {
    if (header == null || !header.strip().matches("[0-9]{1,18}")) {
      return 0;
    }
    return Long.parseLong(header.strip());
  }

  @ExceptionHandler(ChatCallers.TokenRefused.class)
  ResponseEntity<ProblemDetail> refused(ChatCallers.TokenRefused e) {
    return ChatProblems.unauthorized(e);
  }

  @ExceptionHandler(ChatCallers.ChatDisabled.class)
  ResponseEntity<ProblemDetail> disabled(ChatCallers.ChatDisabled e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.NOT_FOUND, "Chat not enabled", e.getMessage(), "chat-not-enabled"));
  }
}
