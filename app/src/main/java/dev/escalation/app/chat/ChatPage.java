package dev.escalation.app.chat;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The customer's chat page at {@code /chat} (its files are under {@code static/chat/}). */
@Controller
class ChatPage {
  @GetMapping("/chat")
  String page() {
    return "forward:/chat/chat.html";
  }
}
