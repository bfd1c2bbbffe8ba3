package dev.escalation.workers.customer;

import dev.escalation.workers.notice.CustomerNoticeValues;
import dev.escalation.workers.notice.NoticeTemplate;
import dev.escalation.workers.notice.NoticeTemplates;
import dev.escalation.workers.notice.RenderedNotice;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * N1: what the customer is told, on the customer's channel, in the customer's language (C2: the
 * texts are the template files of {@link NoticeTemplates}).
 */
@Component
public class CustomerNotices {
  private final Outbox outbox;
  private final RosterRepository roster;
  private final TicketMessageRepository messages;
  private final NoticeTemplates templates;

  CustomerNotices(Outbox outbox, RosterRepository roster, TicketMessageRepository messages, NoticeTemplates templates) {
    this.outbox = outbox;
    this.roster = roster;
    this.messages = messages;
    this.templates = templates;
  }

  public void acknowledge(Ticket ticket) {
    send(ticket, NotificationKind.ACKNOWLEDGEMENT, "ACK:" + ticket.id(), NoticeTemplate.ACKNOWLEDGEMENT,
        Map.of("owner", ownerName(ticket), "due", templates.date(language(ticket), ticket.responseDueAt())));
  }

  /** H5 warm transfer: who owns it now and when to expect an answer. */
  public void escalated(Ticket ticket) {
    send(ticket, NotificationKind.ESCALATION_NOTICE, "ESCALATION:" + ticket.id() + ":" + ticket.escalationCount(),
        NoticeTemplate.ESCALATION_NOTICE,
        Map.of("owner", ownerName(ticket), "team", templates.word(language(ticket), "tier." + Math.min(ticket.tier(), 3)),
            "due", templates.date(language(ticket), ticket.responseDueAt())));
  }

  public void waiting(Ticket ticket) {
    Optional<String> question = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id()).stream()
        .filter(m -> m.direction() == TicketMessage.Direction.TO_CUSTOMER)
        .max(Comparator.comparing(TicketMessage::id))
        .map(TicketMessage::body);
    String key = "WAITING:" + ticket.id() + ":" + ticket.clockEpoch() + ":" + ticket.version();
    if (question.isPresent()) {
      send(ticket, NotificationKind.WAITING, key, NoticeTemplate.WAITING, Map.of("question", question.get()));
    } else {
      send(ticket, NotificationKind.WAITING, key, NoticeTemplate.WAITING_GENERAL, Map.of());
    }
  }

  public void resolved(Ticket ticket, String summary) {
    send(ticket, NotificationKind.RESOLUTION, "RESOLUTION:" + ticket.id() + ":" + ticket.reescalationCount(),
        NoticeTemplate.RESOLUTION, Map.of("summary", summary));
  }

  /** An agent's answer, keyed by its message so it goes out once. */
  public void reply(Ticket ticket, TicketMessage reply, String author) {
    send(ticket, NotificationKind.REPLY, "REPLY:" + reply.id(), NoticeTemplate.REPLY, Map.of("reply", reply.body(), "author", author));
  }

  /** The display name the customer sees for a staff member (their username when the roster does not know them). */
  public String staffName(String username) {
    return roster.findById(username).map(RosterMember::displayName).orElse(username);
  }

  private void send(Ticket ticket, NotificationKind kind, String key, NoticeTemplate template, Map<String, String> values) {
    RenderedNotice notice = templates.render(template, language(ticket), CustomerNoticeValues.of(ticket, values));
    outbox.enqueue(new Outbox.Message(key, ticket.id(), kind, ticket.customer().email(), ticket.customer().name(),
        Channel.of(ticket.channel()), notice.subject(), notice.body()));
  }

  private static String language(Ticket ticket) {
    return ticket.customer().language();
  }

  private String ownerName(Ticket ticket) {
    return Optional.ofNullable(ticket.ownerUsername()).flatMap(roster::findById).map(RosterMember::displayName)
        .orElseGet(() -> templates.word(language(ticket), "owner.unknown"));
  }
}
