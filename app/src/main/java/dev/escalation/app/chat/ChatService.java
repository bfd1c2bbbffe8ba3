package dev.escalation.app.chat;

import dev.escalation.app.inbound.InboundMessages;
import dev.escalation.app.inbound.InboundResult;
import dev.escalation.workers.chat.ChatConversation;
import dev.escalation.workers.chat.ChatEntry;
import dev.escalation.workers.chat.ChatTranscript;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.ticket.CustomerDetails;
import dev.escalation.workers.inbound.InboundMessage.ThreadHint;
import dev.escalation.workers.inbound.InboundOutcome;
import dev.escalation.workers.notification.Channel;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's live chat. Every message goes through the one inbound path (C1), like a webhook's: the chat's
 * public id is the customer's address on channel {@code chat}, the provider message id is the chat's id with
 * the customer's own message id, so a retried send is dropped there and here. Only what the customer may see
 * is written to the transcript (C3). Read committed, like the inbound path it joins: after waiting for the
 * sender's lock there, it must see what the chat's previous message committed meanwhile.
 */
@Service
class ChatService {
  /** The id of the message that starts a chat; no client message id can be it (they have no '#'). */
  private static final String FIRST_MESSAGE = "#start";
  private static final int TRANSCRIPT_LIMIT = 1000;

  private final InboundMessages inbound;
  private final ChatTranscript transcript;
  private final Clock clock;
  private final CustomerDetails customers;

  ChatService(InboundMessages inbound, ChatTranscript transcript, Clock clock, CustomerDetails customers) {
    this.customers = customers;
    this.inbound = inbound;
    this.transcript = transcript;
    this.clock = clock;
  }

  record Started(ChatConversation chat, List<ChatEntry> entries) {}

  record Written(ChatEntry entry, boolean isNew) {}

  /** Opens a ticket with channel {@code chat} from the first message. */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  Started start(String name, String email, String message, String language) {
    String publicId = UUID.randomUUID().toString();
    ChatConversation chat = transcript.open(publicId, name.strip(), email.strip(),
        language == null ? "" : language.strip(), clock.instant());
    InboundResult result = inbound.receive(new InboundMessage(Channel.CHAT, publicId + ":" + FIRST_MESSAGE, publicId,
        chat.customerName(), message, language, List.of(), ThreadHint.NONE, false));
    if (result.outcome() == InboundOutcome.OPENED) {
      // the chat asked for it; the inbound path knows addresses only of mail (staff see it, the survey can use it)
      customers.learnEmail(result.ticketId(), chat.customerEmail());
    }
    transcript.customerWrote(chat, result.ticketId(), FIRST_MESSAGE, message.strip(), clock.instant());
    return new Started(chat, transcript.after(chat.id(), 0, TRANSCRIPT_LIMIT));
  }

  /**
   * The customer's next message, once per {@code clientMessageId}: it runs what a customer message runs
   * (triage again, resume a paused ticket, reopen a resolved one within the window).
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  Written write(ChatConversation chat, String clientMessageId, String text) {
    var earlier = transcript.customerMessage(chat, clientMessageId);
    if (earlier.isPresent()) {
      return new Written(earlier.get(), false);
    }
    InboundResult result = inbound.receive(InboundMessage.text(Channel.CHAT, chat.publicId() + ":" + clientMessageId,
        chat.publicId(), chat.customerName(), text));
    if (result.outcome() == InboundOutcome.DUPLICATE) {
      // the same send, racing this one, was recorded first: its entry is the answer to this one too
      return new Written(transcript.customerMessage(chat, clientMessageId).orElseThrow(SendInProgress::new), false);
    }
    return new Written(transcript.customerWrote(chat, result.ticketId(), clientMessageId, text.strip(), clock.instant()), true);
  }

  List<ChatEntry> transcript(ChatConversation chat) {
    return transcript.after(chat.id(), 0, TRANSCRIPT_LIMIT);
  }

  static final class SendInProgress extends RuntimeException {
    SendInProgress() {
      super("this message is being recorded by another request; send it again with the same clientMessageId");
    }
  }
}
