package dev.escalation.workers.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.chat.ChatEntry.Handover;
import dev.escalation.workers.chat.ChatEntry.Kind;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationStatus;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C2/C4 on live chat: a notice is delivered into the chat's transcript, once, and an escalation as a handover card. */
@LedgerTest
class ChatChannelAdapterTest {
  private static final AtomicLong NOTIFICATIONS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Autowired TicketRepository tickets;
  @Autowired Conversations conversations;
  @Autowired ChatTranscript transcript;
  @Autowired RosterRepository roster;
  @Autowired TicketMessageRepository messages;
  @Autowired List<ChannelAdapter> adapters;

  private ChannelAdapter adapter() {
    return adapters.stream().filter(a -> a.channel() == Channel.CHAT).findFirst().orElseThrow();
  }

  private record Chat(Ticket ticket, ChatConversation conversation) {}

  private Chat chat(String language) {
    String publicId = UUID.randomUUID().toString();
    Ticket ticket = tickets.save(Ticket.open(new Customer("Carla Chat", "", language, false, null), "chat", "Login fails",
        "I cannot log in", Priority.P2, Category.OTHER, 3, Instant.now()));
    conversations.received(ticket.id(), Channel.CHAT, publicId, "Carla Chat", Instant.now());
    return new Chat(ticket, transcript.open(publicId, "Carla Chat", "carla@example.test", language, Instant.now()));
  }

  private static Notification notice(long ticketId, NotificationKind kind, String subject, String body) {
    return notice(kind + ":" + ticketId, ticketId, kind, subject, body);
  }

  private static Notification notice(String key, long ticketId, NotificationKind kind, String subject, String body) {
    return new Notification(NOTIFICATIONS.incrementAndGet(), key, ticketId, kind, "", "Carla Chat",
        Channel.CHAT, NotificationStatus.PENDING, subject, body, 0, Instant.now(), null, Instant.now(), null, 0);
  }

  @Test
  void aNoticeIsWrittenIntoTheChatOnceEvenWhenDeliveredAgain() throws Exception {
    Chat chat = chat("en");
    Notification ack = notice(chat.ticket().id(), NotificationKind.ACKNOWLEDGEMENT, "We received your request #1",
        "Hello Carla, we will answer soon.");

    adapter().deliver(ack);
    adapter().deliver(ack);

    List<ChatEntry> entries = transcript.after(chat.conversation().id(), 0, 10);
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(Kind.NOTICE);
      assertThat(e.author()).isEqualTo("Support");
      assertThat(e.text()).isEqualTo("We received your request #1\n\nHello Carla, we will answer soon.");
      assertThat(e.handover()).isNull();
    });
  }

  @Test
  void anEscalationNoticeBecomesAHandoverWithTheNewOwnerTierAndDueTimeInTheCustomersLanguage() throws Exception {
    if (roster.findById("chat-spec2").isEmpty()) {
      roster.save(new RosterMember("chat-spec2", "Sam Specialist", "sam@x.test", Role.SPECIALIST, 2, "billing", true, false,
          null, null));
    }
    Chat chat = chat("de");
    Ticket ticket = chat.ticket();
    Instant due = Instant.parse("2026-12-02T09:30:00Z");
    ticket.escalateTo(2, Instant.now());
    ticket.handOverTo("chat-spec2");
    ticket.startClocks(due, due.plusSeconds(86_400));
    tickets.save(ticket);

    adapter().deliver(notice(ticket.id(), NotificationKind.ESCALATION_NOTICE, "Ihre Anfrage wurde eskaliert", "Hallo Carla"));

    ChatEntry entry = transcript.after(chat.conversation().id(), 0, 10).get(0);
    assertThat(entry.kind()).isEqualTo(Kind.HANDOVER);
    assertThat(entry.text()).isEqualTo("Ihre Anfrage wurde eskaliert\n\nHallo Carla");
    // Berlin time (escalation.tickets.zone) in German words
    assertThat(entry.handover()).isEqualTo(new Handover("Sam Specialist", 2, due, "Mi., 2. Dez. 2026, 10:30 MEZ"));
  }

  @Test
  void anAgentsReplyShowsAsTheirMessageUnderTheirDisplayName() throws Exception {
    if (roster.findById("chat-agent1").isEmpty()) {
      roster.save(new RosterMember("chat-agent1", "Ada Agent", "ada@x.test", Role.AGENT, 1, null, true, false, null, null));
    }
    Chat chat = chat("en");
    TicketMessage reply = messages.save(new TicketMessage(null, chat.ticket().id(), TicketMessage.Direction.TO_CUSTOMER,
        "chat-agent1", "Please clear the browser cache and try again.", Instant.now()));

    adapter().deliver(notice("REPLY:" + reply.id(), chat.ticket().id(), NotificationKind.REPLY,
        "Re: your request #" + chat.ticket().id(), "Hello Carla Chat,\n\nPlease clear the browser cache and try again.\n\nAda Agent"));

    ChatEntry entry = transcript.after(chat.conversation().id(), 0, 10).get(0);
    assertThat(entry.kind()).isEqualTo(Kind.AGENT);
    assertThat(entry.author()).isEqualTo("Ada Agent");
    assertThat(entry.text()).isEqualTo("Please clear the browser cache and try again.");
    assertThat(entry.handover()).isNull();
  }

  @Test
  void aLongNoticeIsCutToTheChatsLimit() throws Exception {
    Chat chat = chat("en");

    adapter().deliver(notice(chat.ticket().id(), NotificationKind.RESOLUTION, "Resolved", "x".repeat(5000)));

    String text = transcript.after(chat.conversation().id(), 0, 10).get(0).text();
    assertThat(text.codePointCount(0, text.length())).isEqualTo(ChatChannelAdapter.TEXT_LIMIT);
    assertThat(text).startsWith("Resolved\n\nxxx").endsWith("x\u2026");
  }

  @Test
  void aTicketWithoutAChatIsUndeliverableSoItsNoticeCanGoByMail() {
    long id = tickets.save(Ticket.open(new Customer("Dana", "dana@example.test", "en", false, null), "chat", "x", "y",
        Priority.P3, Category.OTHER, 3, Instant.now())).id();

    assertThatThrownBy(() -> adapter().deliver(notice(id, NotificationKind.ACKNOWLEDGEMENT, "Hi", "there")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.undeliverable()).isTrue();
          assertThat(e.getMessage()).isEqualTo("ticket " + id
              + " has no live chat: the customer never wrote in one, so there is nobody to show it to");
        });
  }
}
