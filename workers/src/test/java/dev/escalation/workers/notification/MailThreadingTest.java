package dev.escalation.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.escalation.workers.testsupport.LedgerTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Our mails about a ticket form one thread in the customer's mail client, and a reply leads back to the ticket. */
@LedgerTest
@TestPropertySource(properties = {"escalation.outbox.enabled=false", "escalation.outbox.from-address=help@shop.test"})
class MailThreadingTest {
  static final GreenMail MAIL = startMailServer();
  private static final AtomicLong TICKETS = new AtomicLong(770_000);

  static GreenMail startMailServer() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    return mail;
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
  }

  @Autowired OutboxDispatcher dispatcher;
  @Autowired Outbox outbox;
  @Autowired NotificationRepository notifications;
  @Autowired MailThreads threads;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void purge() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stop() {
    MAIL.stop();
  }

  @Test
  void everyMailAboutATicketAnswersTheTicketsThreadAndCarriesItsOwnStableMessageId() throws MessagingException {
    long ticket = TICKETS.incrementAndGet();
    Notification ack = enqueue("ACK:" + ticket, ticket, "We received your request #" + ticket + ": Login");
    Notification resolution = enqueue("RESOLUTION:" + ticket, ticket, "Your request #" + ticket + " is resolved");

    dispatcher.drain();

    List<MimeMessage> received = new java.util.ArrayList<>();
    for (MimeMessage mail : MAIL.getReceivedMessages()) {
      if (mail.getSubject().contains("#" + ticket)) {
        received.add(mail);
      }
    }
    MimeMessage[] mails = received.toArray(MimeMessage[]::new);
    assertThat(mails).hasSize(2);
    String anchor = "<ticket-" + ticket + "@shop.test>";
    assertThat(mails[0].getSubject()).isEqualTo("We received your request #" + ticket + ": Login");
    assertThat(mails[0].getMessageID()).isEqualTo(EmailChannelAdapter.messageId(ack, "help@shop.test"))
        .matches("<notification-" + ack.id() + "\\.[0-9a-f]{24}@shop\\.test>");
    assertThat(mails[0].getHeader("In-Reply-To")).containsExactly(anchor);
    assertThat(mails[0].getHeader("References")).containsExactly(anchor);
    assertThat(mails[1].getSubject()).isEqualTo("Your request #" + ticket + " is resolved");
    assertThat(mails[1].getMessageID()).isEqualTo(EmailChannelAdapter.messageId(resolution, "help@shop.test"))
        .isNotEqualTo(mails[0].getMessageID());
    assertThat(mails[1].getHeader("In-Reply-To")).containsExactly(anchor);
    assertThat(mails[1].getHeader("References")).containsExactly(anchor);
  }

  @Test
  void aReplyFindsItsTicketByTheAnchorOrByTheNotificationItAnswers() {
    long ticket = TICKETS.incrementAndGet();
    Notification ack = enqueue("ACK:" + ticket, ticket, "We received your request #" + ticket);
    String ackId = EmailChannelAdapter.messageId(ack, "help@shop.test");

    assertThat(threads.ticketOf(List.of("<CAF00@mail.example.com>", "<ticket-" + ticket + "@shop.test>"))).contains(ticket);
    assertThat(threads.ticketOf(List.of(ackId))).contains(ticket);
    assertThat(threads.ticketOf(List.of("<ticket-" + ticket + "@other.test>"))).isEmpty();
    assertThat(threads.ticketOf(List.of(ackId.replaceFirst("\\.[0-9a-f]{4}", ".0000")))).isEmpty();
    assertThat(threads.ticketOf(List.of("<notification-999999999.abc@shop.test>", "garbage", ""))).isEmpty();
    assertThat(threads.anchor(ticket)).isEqualTo("<ticket-" + ticket + "@shop.test>");
  }

  private Notification enqueue(String key, long ticket, String subject) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(new Outbox.Message(
        key, ticket, NotificationKind.ACKNOWLEDGEMENT, "ada@example.com", "Ada", Channel.EMAIL, subject, "Hello Ada")));
    return notifications.findByIdempotencyKey(key).orElseThrow();
  }
}
