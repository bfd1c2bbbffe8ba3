package dev.escalation.app.chat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The customer's chat page at {@code /chat} (its files are under {@code static/chat/}); 404 while the chat is off. */
@Controller
class ChatPage {
  private final ChatProperties properties;

  ChatPage(ChatProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/chat")
  String page() {
    if (!properties.enabled()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the live chat is not enabled here");
    }
    return "forward:/chat/chat.html";
  }
}
