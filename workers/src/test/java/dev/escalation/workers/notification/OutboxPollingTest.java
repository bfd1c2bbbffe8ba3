package dev.escalation.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.testsupport.EmbeddedMailServer;
import dev.escalation.workers.testsupport.LedgerTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The scheduled polling ({@code escalation.outbox.poll-interval=PT0.2S} in the test properties) delivers on its own. */
@LedgerTest
class OutboxPollingTest {
  static final EmbeddedMailServer MAIL = new EmbeddedMailServer(0).start();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", MAIL::host);
    registry.add("spring.mail.port", MAIL::port);
  }

  @Autowired Outbox outbox;
  @Autowired NotificationRepository notifications;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterAll
  static void stopMailServer() {
    MAIL.stop();
  }

  @Test
  void theSchedulerDeliversWithoutBeingAsked() throws Exception {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.enqueue(new Outbox.Message(
        "polling-test", 770_001L, NotificationKind.ACKNOWLEDGEMENT, "hugo@example.com", "Hugo", Channel.EMAIL,
        "Received", "We got it")));

    assertThat(MAIL.awaitReceived(1, Duration.ofSeconds(10))).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (notifications.findByIdempotencyKey("polling-test").orElseThrow().status() != NotificationStatus.SENT
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(notifications.findByIdempotencyKey("polling-test").orElseThrow().status())
        .isEqualTo(NotificationStatus.SENT);
    assertThat(MAIL.received()).singleElement().satisfies(mail -> assertThat(mail.to()).isEqualTo("Hugo <hugo@example.com>"));
  }
}
