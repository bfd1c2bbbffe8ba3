package dev.escalation.app.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.inbound.InboundMessage.Attachment;
import dev.escalation.workers.inbound.InboundMessage.ThreadHint;
import dev.escalation.workers.inbound.InboundOutcome;
import dev.escalation.workers.notification.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C1: the one inbound path every channel's messages take, on the real app, engine and MariaDB. */
@EmbeddedAppTest
class InboundMessagesTest {
  private static final AtomicLong SENDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @LocalServerPort int port;
  @Autowired InboundMessages inbound;
  @Autowired InboundLedger ledger;
  @Autowired Conversations conversations;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void aFirstMessageOpensATicketOnItsChannelAndTheProcessRunsAsForAnyTicket() {
    String chat = sender();
    InboundResult result = inbound.receive(new InboundMessage(Channel.TELEGRAM, "tg-" + chat + "-1", chat, "Tina Telegram",
        "My invoice shows the wrong address\nCan you fix it?", "de-AT", List.of(), ThreadHint.NONE, false));

    assertThat(result.outcome()).isEqualTo(InboundOutcome.OPENED);
    long id = result.ticketId();
    JsonNode ticket = api.ticket(id);
    assertThat(ticket.get("channel").asText()).isEqualTo("telegram");
    assertThat(ticket.get("subject").asText()).isEqualTo("My invoice shows the wrong address");
    assertThat(jdbc.sql("SELECT description FROM ticket WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("My invoice shows the wrong address\nCan you fix it?");
    assertThat(ticket.get("priority").asText()).isEqualTo("P3");
    assertThat(ticket.get("customer").get("name").asText()).isEqualTo("Tina Telegram");
    assertThat(ticket.get("customer").get("language").asText()).isEqualTo("de");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.timeline(id).get(0).get("actor").asText()).isEqualTo("telegram:" + chat);
    assertThat(api.timelineTypes(id)).containsSubsequence("TICKET_OPENED", "TRIAGED", "CRITERIA_MATCHED", "OWNER_ASSIGNED");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    assertThat(api.notifications(id, "ACKNOWLEDGEMENT").get(0).get("channel").asText()).isEqualTo("TELEGRAM");
    assertThat(conversations.of(id, Channel.TELEGRAM)).hasValueSatisfying(c -> {
      assertThat(c.address()).isEqualTo(chat);
      assertThat(c.displayName()).isEqualTo("Tina Telegram");
    });
    assertThat(ledger.find(Channel.TELEGRAM, "tg-" + chat + "-1")).hasValueSatisfying(e -> {
      assertThat(e.outcome()).isEqualTo(InboundOutcome.OPENED);
      assertThat(e.ticketId()).isEqualTo(id);
    });
  }

  @Test
  void aRedeliveryGivesOneMessageEvenWhenBothDeliveriesRace() throws Exception {
    String chat = sender();
    InboundMessage message = InboundMessage.text(Channel.WHATSAPP, "wamid." + chat, chat, "Wanda", "Where is my parcel?");
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<InboundResult> deliver = () -> {
        start.await();
        return inbound.receive(message);
      };
      Future<InboundResult> first = pool.submit(deliver);
      Future<InboundResult> second = pool.submit(deliver);
      List<InboundOutcome> outcomes = new ArrayList<>(List.of(first.get().outcome(), second.get().outcome()));
      assertThat(outcomes).containsExactlyInAnyOrder(InboundOutcome.OPENED, InboundOutcome.DUPLICATE);
    } finally {
      pool.shutdownNow();
    }
    assertThat(inbound.receive(message).outcome()).as("a later redelivery").isEqualTo(InboundOutcome.DUPLICATE);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE channel = 'whatsapp' AND sender = ?").param(chat)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE channel = 'whatsapp' AND address = ?").param(chat)
        .query(Long.class).single()).isEqualTo(1);
  }

  /** A customer's "Hi" and their question a moment apart, delivered at once: one ticket with both messages. */
  @Test
  void twoFirstMessagesOfOneSenderArrivingAtOnceOpenOneTicket() throws Exception {
    String chat = sender();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<InboundResult> hi = pool.submit(() -> {
        start.await();
        return inbound.receive(InboundMessage.text(Channel.WHATSAPP, "wamid.hi-" + chat, chat, "Wes", "Hi"));
      });
      Future<InboundResult> question = pool.submit(() -> {
        start.await();
        return inbound.receive(InboundMessage.text(Channel.WHATSAPP, "wamid.q-" + chat, chat, "Wes", "My parcel never came"));
      });
      List<InboundOutcome> outcomes = new ArrayList<>(List.of(hi.get().outcome(), question.get().outcome()));
      assertThat(outcomes).containsExactlyInAnyOrder(InboundOutcome.OPENED, InboundOutcome.THREADED);
      assertThat(hi.get().ticketId()).isEqualTo(question.get().ticketId());
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT ticket_id) FROM inbound_message WHERE channel = 'whatsapp' AND sender = ?")
        .param(chat).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE channel = 'whatsapp' AND address = ?").param(chat)
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theNextMessageThreadsToTheOpenTicketAndIsTriagedAgain() {
    String chat = sender();
    long id = inbound.receive(InboundMessage.text(Channel.TELEGRAM, "tg-" + chat + "-1", chat, "Theo", "The export is slow"))
        .ticketId();
    await().atMost(Duration.ofSeconds(20)).until(() -> api.timelineTypes(id).contains("CRITERIA_MATCHED"));

    InboundResult second = inbound.receive(
        InboundMessage.text(Channel.TELEGRAM, "tg-" + chat + "-2", chat, "Theo", "This is unacceptable, we will cancel our contract"));

    assertThat(second.outcome()).isEqualTo(InboundOutcome.THREADED);
    assertThat(second.ticketId()).isEqualTo(id);
    JsonNode messages = api.get("/api/tickets/" + id + "/messages").body();
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("body").asText()).isEqualTo("This is unacceptable, we will cancel our contract");
    assertThat(messages.get(0).get("direction").asText()).isEqualTo("FROM_CUSTOMER");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.timelineTypes(id).stream().filter("CRITERIA_MATCHED"::equals).count() == 2);
    assertThat(api.timelineTypes(id)).containsSubsequence("CUSTOMER_REPLIED", "TRIAGED", "CRITERIA_MATCHED");
    assertThat(api.ticket(id).get("criteria").get("ruleId").asText()).isEqualTo("churn-risk");
  }

  @Test
  void aMessageResumesAPausedTicketAndReopensAResolvedOne() {
    String chat = sender();
    long id = inbound.receive(InboundMessage.text(Channel.TELEGRAM, "tg-" + chat + "-1", chat, "Paula", "I cannot log in"))
        .ticketId();
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.post("/api/tickets/" + id + "/waiting-on-customer", Map.of("question", "Which browser?")).status())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(api.ticket(id).get("responseClock").asText()));

    inbound.receive(InboundMessage.text(Channel.TELEGRAM, "tg-" + chat + "-2", chat, "Paula", "Firefox"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.ticket(id).get("status").asText()).isEqualTo("OPEN");
    assertThat(api.timelineTypes(id)).containsSubsequence("WAITING_ON_CUSTOMER", "CUSTOMER_REPLIED", "SLA_CLOCKS_RESUMED");

    assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Cleared the session")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "RESOLUTION").size() == 1);
    InboundResult after = inbound.receive(InboundMessage.text(Channel.TELEGRAM, "tg-" + chat + "-3", chat, "Paula", "Still broken"));
    assertThat(after.outcome()).isEqualTo(InboundOutcome.THREADED);
    assertThat(after.ticketId()).isEqualTo(id);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.timelineTypes(id).contains("REOPENED")
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.ticket(id).get("reescalationCount").asInt()).isEqualTo(1);
  }

  @Test
  void automaticRepliesAndBouncesNeverOpenOrTouchATicket() {
    String address = "ooo-" + sender() + "@example.com";
    InboundResult bounce = inbound.receive(new InboundMessage(Channel.EMAIL, "<bounce-" + address + ">", address, "Mailer",
        "Delivery failed", null, List.of(), ThreadHint.NONE, true));
    assertThat(bounce.outcome()).isEqualTo(InboundOutcome.AUTO_REPLY_IGNORED);
    assertThat(bounce.ticketId()).isNull();
    assertThat(conversations.latestUnclosedTicket(Channel.EMAIL, address)).isEmpty();

    long id = api.open("P3", "OTHER", address);
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    InboundResult outOfOffice = inbound.receive(new InboundMessage(Channel.EMAIL, "<ooo-" + address + ">", address, "Dana",
        "I am out of office", null, List.of(), ThreadHint.NONE, true));
    assertThat(outOfOffice.outcome()).isEqualTo(InboundOutcome.AUTO_REPLY_IGNORED);
    assertThat(api.get("/api/tickets/" + id + "/messages").body()).isEmpty();
    assertThat(api.timelineTypes(id)).doesNotContain("CUSTOMER_REPLIED");
    assertThat(ledger.find(Channel.EMAIL, "<ooo-" + address + ">")).hasValueSatisfying(e ->
        assertThat(e.outcome()).isEqualTo(InboundOutcome.AUTO_REPLY_IGNORED));
  }

  @Test
  void mailThreadsByEarlierMessageByTheCustomersAddressAndByATicketNumberOnlyOfTheSender() {
    String address = "mail-" + sender() + "@example.com";
    long id = api.open("P3", "BILLING", address);
    InboundResult byAddress = inbound.receive(new InboundMessage(Channel.EMAIL, "<m1-" + address + ">", address, "Dana",
        "Any news?", "en", List.of(), ThreadHint.NONE, false));
    assertThat(byAddress.outcome()).isEqualTo(InboundOutcome.THREADED);
    assertThat(byAddress.ticketId()).isEqualTo(id);

    InboundResult byReference = inbound.receive(new InboundMessage(Channel.EMAIL, "<m2-" + address + ">", address.toUpperCase(),
        "Dana", "Adding a screenshot", "en", List.of(new Attachment("screen.png", "image/png", 48213)),
        new ThreadHint(List.of("<unknown@elsewhere>", "<m1-" + address + ">"), null), false));
    assertThat(byReference.ticketId()).isEqualTo(id);
    assertThat(ledger.attachmentsOf(id)).singleElement().satisfies(a -> {
      assertThat(a.name()).isEqualTo("screen.png");
      assertThat(a.contentType()).isEqualTo("image/png");
      assertThat(a.size()).isEqualTo(48213);
    });
    assertThat(api.get("/api/tickets/" + id + "/messages").body().get(1).get("body").asText())
        .isEqualTo("Adding a screenshot\n\nAttachments: screen.png (image/png, 48213 bytes)");

    String stranger = "stranger-" + sender() + "@example.com";
    InboundResult hijack = inbound.receive(new InboundMessage(Channel.EMAIL, "<m3-" + stranger + ">", stranger, "Eve",
        "Re: Your request #" + id, "en", List.of(), new ThreadHint(List.of(), id), false));
    assertThat(hijack.outcome()).as("a ticket number of someone else's ticket opens a new ticket").isEqualTo(InboundOutcome.OPENED);
    assertThat(hijack.ticketId()).isNotEqualTo(id);
    assertThat(api.ticket(hijack.ticketId()).get("customer").get("email").asText()).isEqualTo(stranger);

    InboundResult byNumber = inbound.receive(new InboundMessage(Channel.EMAIL, "<m4-" + address + ">", address, "Dana",
        "Re: Your request #" + id, "en", List.of(), new ThreadHint(List.of(), id), false));
    assertThat(byNumber.ticketId()).isEqualTo(id);
  }

  @Test
  void aNegativeInstagramMessageMatchesThePublicChannelRowAndTheSameTextInAPrivateChatDoesNot() {
    String text = "Your delivery was late again and I am annoyed and disappointed."; // VADER compound -0.69
    String igsid = sender();
    long onInstagram = inbound.receive(InboundMessage.text(Channel.INSTAGRAM, "ig-" + igsid, igsid, "Ivy", text)).ticketId();
    String chat = sender();
    long onTelegram = inbound.receive(InboundMessage.text(Channel.TELEGRAM, "tg-" + chat, chat, "Tom", text)).ticketId();
    await().atMost(Duration.ofSeconds(20)).until(() -> api.timelineTypes(onInstagram).contains("CRITERIA_MATCHED")
        && api.timelineTypes(onTelegram).contains("CRITERIA_MATCHED"));
    assertThat(api.ticket(onInstagram).get("criteria").get("ruleId").asText()).isEqualTo("public-channel-complaint");
    assertThat(api.ticket(onInstagram).get("priority").asText()).isEqualTo("P2");
    assertThat(api.ticket(onTelegram).get("criteria").get("ruleId").asText()).isNotEqualTo("public-channel-complaint");
    assertThat(api.ticket(onTelegram).get("priority").asText()).isEqualTo("P3");
  }

  private static String sender() {
    return Long.toString(SENDERS.incrementAndGet());
  }
}
