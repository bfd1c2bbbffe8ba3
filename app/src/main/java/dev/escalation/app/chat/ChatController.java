package dev.escalation.app.chat;

import dev.escalation.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's side of the live chat. No login: the conversation token (in {@code Authorization: Bearer})
 * is the authentication; starting a chat needs none and is rate-limited per client address.
 */
@RestController
class ChatController {
  private final ChatService chats;
  private final ChatTokens tokens;
  private final ChatRateLimits limits;
  private final ChatProperties properties;

  ChatController(ChatService chats, ChatTokens tokens, ChatRateLimits limits, ChatProperties properties) {
    this.chats = chats;
    this.tokens = tokens;
    this.limits = limits;
    this.properties = properties;
  }

  record NewConversation(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Size(max = 4000) String message,
      @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", message = "must be a language tag such as de or pt-BR")
      String language) {}

  record Started(String token, Instant expiresAt, String reference, List<ChatEntryView> messages) {}

  record NewMessage(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, '_' or '-'") String clientMessageId,
      @NotBlank @Size(max = 4000) String text) {}

  record Transcript(String reference, String name, List<ChatEntryView> messages) {}

  @PostMapping("/api/chat/conversations")
  ResponseEntity<Started> start(@Valid @RequestBody NewConversation request, HttpServletRequest http) {
    if (!properties.enabled()) {
      throw new ChatCallers.ChatDisabled();
    }
    limits.take("start:" + http.getRemoteAddr(), properties.starts()).ifPresent(wait -> {
      throw new TooManyRequests(wait, "at most " + properties.starts().limit() + " conversations per "
          + properties.starts().per() + " from one address");
    });
    ChatService.Started started = chats.start(request.name(), request.email(), request.message(), request.language());
    ChatTokens.Issued token = tokens.issue(started.chat().publicId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(token.token(), token.expiresAt(),
        started.chat().publicId(), started.entries().stream().map(ChatEntryView::of).toList()));
  }

  @PostMapping("/api/chat/messages")
  ResponseEntity<ChatEntryView> write(ChatCaller caller, @Valid @RequestBody NewMessage request) {
    limits.take("messages:" + caller.chat().id(), properties.messages()).ifPresent(wait -> {
      throw new TooManyRequests(wait, "at most " + properties.messages().limit() + " messages per "
          + properties.messages().per() + " in one conversation");
    });
    ChatService.Written written = chats.write(caller.chat(), request.clientMessageId(), request.text());
    return ResponseEntity.status(written.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(ChatEntryView.of(written.entry()));
  }

  @GetMapping("/api/chat/conversation")
  Transcript transcript(ChatCaller caller) {
    return new Transcript(caller.chat().publicId(), caller.chat().customerName(),
        chats.transcript(caller.chat()).stream().map(ChatEntryView::of).toList());
  }

  static final class TooManyRequests extends RuntimeException {
    final Duration wait;

    TooManyRequests(Duration wait, String limit) {
      super(limit);
      this.wait = wait;
    }
  }

  @ExceptionHandler(TooManyRequests.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
    long seconds = Math.max(1, (e.wait.toMillis() + 999) / 1000);
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
            e.getMessage() + "; try again in " + seconds + " s", "too-many-requests"));
  }

  @ExceptionHandler(ChatCallers.TokenRefused.class)
  ResponseEntity<ProblemDetail> refused(ChatCallers.TokenRefused e) {
    return ChatProblems.unauthorized(e);
  }

  @ExceptionHandler(ChatCallers.ChatDisabled.class)
  ProblemDetail disabled(ChatCallers.ChatDisabled e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Chat not enabled", e.getMessage(), "chat-not-enabled");
  }

  @ExceptionHandler(ChatService.SendInProgress.class)
  ProblemDetail inProgress(ChatService.SendInProgress e) {
    return Problems.of(HttpStatus.CONFLICT, "Send in progress", e.getMessage(), "send-in-progress");
  }
}
