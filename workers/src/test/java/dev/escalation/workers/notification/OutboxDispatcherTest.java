package dev.escalation.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.testsupport.EmbeddedMailServer;
import dev.escalation.workers.testsupport.EmbeddedMailServer.ReceivedMail;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.testsupport.RejectingSmtpServer;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real MariaDB and a real SMTP server (GreenMail), with a clock the test moves. */
@LedgerTest
@Import(OutboxDispatcherTest.MovableClock.class)
@TestPropertySource(properties = {"escalation.outbox.enabled=false", "escalation.outbox.max-attempts=3"})
class OutboxDispatcherTest {
  static final EmbeddedMailServer MAIL = new EmbeddedMailServer(0).start();
  private static final AtomicLong TICKETS = new AtomicLong(880_000);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", MAIL::host);
    registry.add("spring.mail.port", MAIL::port);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return MutableClock.startingNow();
    }
  }

  @Autowired OutboxDispatcher dispatcher;
  @Autowired Outbox outbox;
  @Autowired NotificationRepository notifications;
  @Autowired AuditTrail audit;
  @Autowired OutboxProperties properties;
  @Autowired MutableClock clock;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired MailThreads threads;
  @Autowired EmailFallback emailFallback;
  @Autowired TicketRepository ticketRows;
  @Autowired dev.escalation.workers.meters.EscalationMeters meters;

  @BeforeEach
  void cleanSlate() {
    jdbc.sql("DELETE FROM notification").update();
    MAIL.start();
    MAIL.purge();
  }

  @AfterAll
  static void stopMailServer() {
    MAIL.stop();
  }

  @Test
  void deliversAnEmailExactlyOnce() {
    long ticket = TICKETS.incrementAndGet();
    Notification row = enqueue(ticket, "ada@example.com", "Ada Lovelace", Channel.EMAIL,
        "[#" + ticket + "] We received your request", "Hello Ada,\n\nwe are on it.\nGrüße, Support");
    Instant now = clock.advance(Duration.ofSeconds(1));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    List<ReceivedMail> mails = MAIL.received();
    assertThat(mails).hasSize(1);
    ReceivedMail mail = mails.get(0);
    assertThat(mail.to()).isEqualTo("Ada Lovelace <ada@example.com>");
    assertThat(mail.from()).isEqualTo("Support <support@escalation.local>");
    assertThat(mail.subject()).isEqualTo("[#" + ticket + "] We received your request");
    assertThat(mail.body()).isEqualTo("Hello Ada,\n\nwe are on it.\nGrüße, Support");
    assertThat(mail.messageId())
        .isEqualTo(EmailChannelAdapter.messageId(row, "support@escalation.local"))
        .matches("<notification-" + row.id() + "\\.[0-9a-f]{24}@escalation\\.local>");

    Notification sent = notifications.findById(row.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(now);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.lastError()).isNull();
    assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED))
        .extracting(AuditEvent::detail)
        .containsExactly("ACKNOWLEDGEMENT to ada@example.com by EMAIL");

    assertThat(dispatcher.dispatchDue()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(MAIL.received()).hasSize(1);
    assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED)).hasSize(1);
  }

  @Test
  void aBacklogLargerThanABatchIsDrainedInOnePollNotOneBatchPerInterval() {
    long ticket = TICKETS.incrementAndGet();
    for (int i = 0; i < 120; i++) {
      enqueue(ticket, "storm" + i + "@example.com", "Customer " + i, Channel.EMAIL, "[#" + ticket + "] Escalated " + i, "Body " + i);
    }
    clock.advance(Duration.ofSeconds(1));

    assertThat(dispatcher.drain()).isEqualTo(120); // batch size 50: rounds of 50, 50, 20
    assertThat(MAIL.received()).hasSize(120);
    assertThat(notifications.findAll()).filteredOn(n -> n.ticketId() != null && n.ticketId() == ticket)
        .hasSize(120).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
    assertThat(dispatcher.drain()).isZero();
  }

  @Test
  void aChannelWithoutAdapterIsUndeliverableNotSent() {
    long ticket = TICKETS.incrementAndGet();
    Notification row = enqueue(ticket, "+4915112345678", "Bob", Channel.SMS, "Update", "Your ticket was escalated");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    Notification undeliverable = notifications.findById(row.id()).orElseThrow();
    assertThat(undeliverable.status()).isEqualTo(NotificationStatus.UNDELIVERABLE);
    assertThat(undeliverable.lastError()).isEqualTo("no adapter for channel SMS yet; the notification was not sent");
    assertThat(undeliverable.sentAt()).isNull();
    assertThat(MAIL.received()).isEmpty();
    assertThat(events(ticket, AuditEventType.NOTIFICATION_FAILED)).singleElement()
        .extracting(AuditEvent::detail).asString().contains("SMS", "no adapter");
    assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED)).isEmpty();
    assertThat(dispatcher.dispatchDue()).isZero();
  }

  @Test
  void aMailServerThatIsDownIsRetriedWithBackoffUntilItIsBack() {
    long ticket = TICKETS.incrementAndGet();
    MAIL.stop();
    Notification row = enqueue(ticket, "carl@example.com", "Carl", Channel.EMAIL, "Waiting for you", "Please reply");
    Instant firstAttempt = clock.instant();

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    Notification pending = notifications.findById(row.id()).orElseThrow();
    assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError())
        .contains("SMTP server " + MAIL.host() + ":" + MAIL.port() + " unreachable")
        .contains("check spring.mail.host/port");
    assertThat(pending.nextAttemptAt()).isAfter(clock.instant())
        .isEqualTo(firstAttempt.plus(properties.initialBackoff()));
    assertThat(pending.sentAt()).isNull();
    assertThat(events(ticket, AuditEventType.NOTIFICATION_FAILED)).isEmpty();
    assertThat(dispatcher.dispatchDue()).as("not due again before the backoff").isZero();

    MAIL.start();
    assertThat(dispatcher.dispatchDue()).as("still before nextAttemptAt").isZero();
    assertThat(MAIL.received()).isEmpty();

    Instant retry = clock.advance(properties.initialBackoff());
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(MAIL.received()).singleElement().extracting(ReceivedMail::to).isEqualTo("Carl <carl@example.com>");
    Notification sent = notifications.findById(row.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.sentAt()).isEqualTo(retry);
    assertThat(sent.lastError()).isNull();
    assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED)).hasSize(1);
  }

  @Test
  void temporaryFailuresGiveUpAfterMaxAttempts() {
    long ticket = TICKETS.incrementAndGet();
    MAIL.stop();
    Notification row = enqueue(ticket, "dora@example.com", null, Channel.EMAIL, "SLA warning", "Ticket is at risk");
    List<Instant> retries = new ArrayList<>();

    for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
      Instant now = clock.instant();
      assertThat(dispatcher.dispatchDue()).as("attempt %d", attempt).isEqualTo(1);
      Notification after = notifications.findById(row.id()).orElseThrow();
      assertThat(after.attempts()).isEqualTo(attempt);
      if (attempt < properties.maxAttempts()) {
        assertThat(after.status()).isEqualTo(NotificationStatus.PENDING);
        retries.add(after.nextAttemptAt());
        assertThat(Duration.between(now, after.nextAttemptAt()))
            .isEqualTo(properties.initialBackoff().multipliedBy(1L << (attempt - 1)));
        clock.advance(Duration.between(now, after.nextAttemptAt()));
      }
    }

    Notification failed = notifications.findById(row.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("unreachable").contains("gave up after 3 attempts");
    assertThat(retries).hasSize(2);
    assertThat(events(ticket, AuditEventType.NOTIFICATION_FAILED)).singleElement()
        .extracting(AuditEvent::detail).asString().contains("dora@example.com", "gave up after 3 attempts");

    MAIL.start();
    clock.advance(Duration.ofHours(1));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(MAIL.received()).isEmpty();
  }

  @Test
  void anAddressTheServerRejectsWith550FailsForGood() throws Exception {
    long ticket = TICKETS.incrementAndGet();
    try (var smtp = new RejectingSmtpServer(Set.of("nobody@example.com"),
        "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown")) {
      OutboxDispatcher viaStub = dispatcherVia(smtp);
      Notification rejected = enqueue(ticket, "nobody@example.com", "Nobody", Channel.EMAIL, "Resolved", "Done");
      Notification accepted = enqueue(ticket, "erin@example.com", "Erin", Channel.EMAIL, "Resolved", "Done");

      assertThat(viaStub.dispatchDue()).isEqualTo(2);

      Notification failed = notifications.findById(rejected.id()).orElseThrow();
      assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
      assertThat(failed.attempts()).isEqualTo(1);
      assertThat(failed.lastError())
          .startsWith("mail server rejected nobody@example.com: 550 5.1.1")
          .contains("User unknown");
      assertThat(notifications.findById(accepted.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
      assertThat(smtp.accepted()).containsExactly("erin@example.com");
      assertThat(events(ticket, AuditEventType.NOTIFICATION_FAILED)).singleElement()
          .extracting(AuditEvent::detail).asString()
          .startsWith("RESOLUTION to nobody@example.com by EMAIL failed: mail server rejected")
          .contains("550");

      clock.advance(Duration.ofHours(1));
      assertThat(viaStub.dispatchDue()).isZero();
    }
  }

  @Test
  void aDeferringServer4xxIsRetried() throws Exception {
    long ticket = TICKETS.incrementAndGet();
    try (var smtp = new RejectingSmtpServer(Set.of("frank@example.com"), "451 4.7.1 Greylisted, try again later")) {
      Notification row = enqueue(ticket, "frank@example.com", "Frank", Channel.EMAIL, "Owner assigned", "Hi");

      assertThat(dispatcherVia(smtp).dispatchDue()).isEqualTo(1);

      Notification pending = notifications.findById(row.id()).orElseThrow();
      assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
      assertThat(pending.attempts()).isEqualTo(1);
      assertThat(pending.lastError()).contains("deferred frank@example.com: 451 4.7.1 Greylisted");
      assertThat(pending.nextAttemptAt()).isAfter(clock.instant());
    }
  }

  @Test
  void anInvalidAddressFailsWithoutContactingTheServer() {
    long ticket = TICKETS.incrementAndGet();
    Notification row = enqueue(ticket, "not an address", "Gina", Channel.EMAIL, "Hello", "Hi");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    Notification failed = notifications.findById(row.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.lastError()).startsWith("invalid recipient address 'not an address'");
    assertThat(MAIL.received()).isEmpty();
    assertThat(events(ticket, AuditEventType.NOTIFICATION_FAILED)).hasSize(1);
  }

  @Test
  void twoDispatchersRacingSendEveryMailExactlyOnce() throws Exception {
    long firstTicket = TICKETS.get() + 1;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long ticket = TICKETS.incrementAndGet();
      ids.add(enqueue(ticket, "racer" + i + "@example.com", "Racer " + i, Channel.EMAIL, "Race " + i, "Body " + i).id());
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<Integer> first = pool.submit(() -> {
        start.await();
        return dispatcher.dispatchDue();
      });
      Future<Integer> second = pool.submit(() -> {
        start.await();
        return dispatcher.dispatchDue();
      });
      start.countDown();
      int handled = first.get(20, TimeUnit.SECONDS) + second.get(20, TimeUnit.SECONDS);
      assertThat(handled).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }

    List<ReceivedMail> mails = MAIL.received();
    assertThat(mails).hasSize(20);
    assertThat(mails).extracting(ReceivedMail::subject).doesNotHaveDuplicates();
    assertThat(mails).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
    assertThat(notifications.findAllById(ids)).hasSize(20).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
      assertThat(n.attempts()).isEqualTo(1);
    });
    for (long ticket = firstTicket; ticket < firstTicket + 20; ticket++) {
      assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED)).as("ticket %d", ticket).hasSize(1);
    }
  }

  @Test
  void aDispatcherWithAStaleReadDoesNotSendWhatAnotherOneClaimed() {
    long ticket = TICKETS.incrementAndGet();
    Notification first = enqueue(ticket, "+491511", "Ina", Channel.SMS, "Update 1", "one");
    Notification second = enqueue(ticket, "+491512", "Ina", Channel.SMS, "Update 2", "two");
    List<Long> sentByA = new ArrayList<>();
    List<Long> sentByB = new ArrayList<>();
    OutboxDispatcher replicaB = dispatcherWith(recordingSms(sentByB, null));
    int[] handledByB = new int[1];
    // Replica A read both rows as due; while it sends the first, replica B polls and takes the second.
    OutboxDispatcher replicaA = dispatcherWith(recordingSms(sentByA, () -> handledByB[0] = replicaB.dispatchDue()));

    assertThat(replicaA.dispatchDue()).as("A handled only the first row").isEqualTo(1);

    assertThat(handledByB[0]).isEqualTo(1);
    assertThat(sentByA).containsExactly(first.id());
    assertThat(sentByB).as("B did not see the row A had claimed").containsExactly(second.id());
    assertThat(notifications.findAllById(List.of(first.id(), second.id()))).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
      assertThat(n.attempts()).isEqualTo(1);
    });
    assertThat(events(ticket, AuditEventType.NOTIFICATION_DELIVERED)).hasSize(2);
  }

  private static ChannelAdapter recordingSms(List<Long> sent, Runnable whileSending) {
    return new ChannelAdapter() {
      @Override
      public Channel channel() {
        return Channel.SMS;
      }

      @Override
      public void deliver(Notification notification) {
        if (whileSending != null && sent.isEmpty()) {
          whileSending.run();
        }
        sent.add(notification.id());
      }
    };
  }

  @Test
  void aProvidersRetryAfterIsHonouredWhenLongerThanTheBackoff() {
    long ticket = TICKETS.incrementAndGet();
    Notification row = enqueue(ticket, "42", "Tom", Channel.TELEGRAM, "Update", "Your ticket was escalated");
    OutboxDispatcher throttled = dispatcherWith(adapterFailing(Channel.TELEGRAM,
        DeliveryException.retryAfter(Duration.ofMinutes(3), "Telegram answered 429: Too Many Requests: retry after 180")));
    Instant before = clock.instant();

    assertThat(throttled.dispatchDue()).isEqualTo(1);

    Notification pending = notifications.findById(row.id()).orElseThrow();
    assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(pending.nextAttemptAt()).isEqualTo(before.plus(Duration.ofMinutes(3)));
    assertThat(pending.lastError()).isEqualTo("Telegram answered 429: Too Many Requests: retry after 180");
  }

  @Test
  void aNoticeTheChannelsRulesRefuseIsUndeliverableAndGoesByEmailWhenTheCustomerHasAnAddress() {
    long ticket = ticketRows.save(Ticket.open(new Customer("Wanda", "wanda@example.test", "en", false, null), "whatsapp",
        "Parcel", "Where is it?", Priority.P3, Category.OTHER, 3, clock.instant())).id();
    Notification row = enqueue(ticket, "", "Wanda", Channel.WHATSAPP, "Update", "Your ticket was escalated");
    OutboxDispatcher refusing = dispatcherWith(adapterFailing(Channel.WHATSAPP,
        DeliveryException.undeliverable("C2: outside WhatsApp's 24-hour window and no template configured")));

    assertThat(refusing.dispatchDue()).isEqualTo(1);

    assertThat(notifications.findById(row.id()).orElseThrow()).satisfies(n -> {
      assertThat(n.status()).isEqualTo(NotificationStatus.UNDELIVERABLE);
      assertThat(n.lastError()).isEqualTo("C2: outside WhatsApp's 24-hour window and no template configured");
    });
    Notification copy = notifications.findByIdempotencyKey(row.idempotencyKey() + ":EMAIL").orElseThrow();
    assertThat(copy.channel()).isEqualTo(Channel.EMAIL);
    assertThat(copy.recipient()).isEqualTo("wanda@example.test");
    assertThat(copy.body()).isEqualTo("Your ticket was escalated");
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(notifications.findById(copy.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    assertThat(MAIL.received()).singleElement().satisfies(mail -> assertThat(mail.to()).contains("wanda@example.test"));
  }

  private static ChannelAdapter adapterFailing(Channel channel, DeliveryException failure) {
    return new ChannelAdapter() {
      @Override
      public Channel channel() {
        return channel;
      }

      @Override
      public void deliver(Notification notification) throws DeliveryException {
        throw failure;
      }
    };
  }

  private OutboxDispatcher dispatcherWith(ChannelAdapter adapter) {
    return new OutboxDispatcher(notifications, audit, transactionManager, properties, clock, List.of(adapter), emailFallback, meters);
  }

  private Notification enqueue(long ticket, String recipient, String name, Channel channel, String subject, String body) {
    String key = "test-" + ticket + "-" + recipient + "-" + subject;
    NotificationKind kind = switch (subject.split(" ")[0]) {
      case "Resolved" -> NotificationKind.RESOLUTION;
      case "Owner" -> NotificationKind.OWNER_ASSIGNED;
      case "SLA" -> NotificationKind.SLA_WARNING;
      case "Waiting", "Update" -> NotificationKind.WAITING;
      default -> NotificationKind.ACKNOWLEDGEMENT;
    };
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.enqueue(
        new Outbox.Message(key, ticket, kind, recipient, name, channel, subject, body)));
    return notifications.findByIdempotencyKey(key).orElseThrow();
  }

  private List<AuditEvent> events(long ticket, AuditEventType type) {
    return audit.timeline(ticket).stream().filter(e -> e.type() == type).toList();
  }

  /** A second dispatcher (same database) whose e-mail goes to {@code smtp} instead of GreenMail. */
  private OutboxDispatcher dispatcherVia(RejectingSmtpServer smtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(smtp.host());
    sender.setPort(smtp.port());
    return new OutboxDispatcher(notifications, audit, transactionManager, properties, clock,
        List.of(new EmailChannelAdapter(() -> sender, properties, clock, threads)), emailFallback, meters);
  }
}
