package dev.escalation.workers.chat;

import dev.escalation.workers.chat.ChatEntry.Handover;
import dev.escalation.workers.chat.ChatEntry.Kind;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.messaging.PlainText;
import dev.escalation.workers.notice.NoticeTemplates;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * C2 on live chat: a notice is delivered by writing it into the chat's transcript, where the customer's
 * open chat page receives it through its event stream. Once per outbox row: a redelivery writes nothing.
 * C4: an escalation notice becomes a handover entry carrying the new owner's display name, the tier
 * and the response due time, read from the ticket as it is at delivery, so the page can show it as a card.
 * An agent's reply (a {@code REPLY} notice, keyed by its ticket message) shows as that agent's message: the
 * text they wrote under their display name, not the mail-shaped notice around it.
 */
@Component
class ChatChannelAdapter implements ChannelAdapter {
  /** What one chat entry holds at most; longer notices are cut with an ellipsis. */
  static final int TEXT_LIMIT = 4000;
  /** The idempotency key of a reply notice names the reply's ticket message (CustomerNotices#reply). */
  private static final Pattern REPLY_KEY = Pattern.compile("REPLY:([0-9]{1,18})");

  private final Conversations conversations;
  private final ChatTranscript transcript;
  private final TicketRepository tickets;
  private final TicketMessageRepository messages;
  private final RosterRepository roster;
  private final NoticeTemplates templates;
  private final Clock clock;

  ChatChannelAdapter(Conversations conversations, ChatTranscript transcript, TicketRepository tickets,
      TicketMessageRepository messages, RosterRepository roster, NoticeTemplates templates, Clock clock) {
    this.conversations = conversations;
    this.transcript = transcript;
    this.tickets = tickets;
    this.messages = messages;
    this.roster = roster;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.CHAT;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    ChatConversation chat = conversations.of(notification.ticketId(), Channel.CHAT)
        .flatMap(contact -> transcript.byPublicId(contact.address()))
        // a ticket staff opened with channel chat has no live chat: undeliverable, so it goes by email when it can (C2)
        .orElseThrow(() -> DeliveryException.undeliverable("ticket " + notification.ticketId()
            + " has no live chat: the customer never wrote in one, so there is nobody to show it to"));
    Ticket ticket = tickets.findById(notification.ticketId()).orElseThrow(() -> DeliveryException.permanent(
        "ticket " + notification.ticketId() + " does not exist", null));
    String language = ticket.customer().language();
    Optional<TicketMessage> reply = reply(notification);
    if (reply.isPresent()) {
      transcript.delivered(chat, ticket.id(), notification.id(), Kind.AGENT, staffName(reply.get().author()),
          PlainText.fit("", reply.get().body(), TEXT_LIMIT), null, clock.instant());
      return;
    }
    Handover handover = notification.kind() == NotificationKind.ESCALATION_NOTICE ? handover(ticket, language) : null;
    transcript.delivered(chat, ticket.id(), notification.id(), handover == null ? Kind.NOTICE : Kind.HANDOVER,
        templates.word(language, "chat.author"), PlainText.fit(notification.subject(), notification.body(), TEXT_LIMIT),
        handover, clock.instant());
  }

  private Optional<TicketMessage> reply(Notification notification) {
    if (notification.kind() != NotificationKind.REPLY) {
      return Optional.empty();
    }
    Matcher key = REPLY_KEY.matcher(notification.idempotencyKey());
    return key.matches() ? messages.findById(Long.parseLong(key.group(1))) : Optional.empty();
  }

  private String staffName(String username) {
    return roster.findById(username).map(RosterMember::displayName).orElse(username);
  }

  private Handover handover(Ticket ticket, String language) {
    String owner = Optional.ofNullable(ticket.ownerUsername()).flatMap(roster::findById).map(RosterMember::displayName)
        .orElseGet(() -> templates.word(language, "owner.unknown"));
    return new Handover(owner, ticket.tier(), ticket.responseDueAt(),
        ticket.responseDueAt() == null ? null : templates.date(language, ticket.responseDueAt()));
  }
}
