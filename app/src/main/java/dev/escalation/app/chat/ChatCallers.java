package dev.escalation.app.chat;

import dev.escalation.workers.chat.ChatTranscript;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Who calls the chat API: the chat named by the conversation token in {@code Authorization: Bearer}. A
 * {@link ChatCaller} parameter is resolved before the request body is read, so a forged or expired token is
 * refused (401) before anything else is looked at, and nothing is recorded.
 */
@Component
class ChatCallers implements HandlerMethodArgumentResolver {
  private final ChatTokens tokens;
  private final ChatTranscript transcript;
  private final ChatProperties properties;

  ChatCallers(ChatTokens tokens, ChatTranscript transcript, ChatProperties properties) {
    this.tokens = tokens;
    this.transcript = transcript;
    this.properties = properties;
  }

  /** The caller the token names; for the event stream, whose token comes as a query parameter. */
  ChatCaller of(String token) {
    if (!properties.enabled()) {
      throw new ChatDisabled();
    }
    return tokens.verify(token).flatMap(transcript::byPublicId).map(ChatCaller::new).orElseThrow(TokenRefused::new);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == ChatCaller.class;
  }

  @Override
  public ChatCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
      WebDataBinderFactory binders) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    return of(bearer ? header.substring(7) : null);
  }

  static final class TokenRefused extends RuntimeException {
    TokenRefused() {
      super("the conversation token is missing, forged or expired: start a new conversation");
    }
  }

  static final class ChatDisabled extends RuntimeException {
    ChatDisabled() {
      super("the live chat is not enabled here");
    }
  }
}
