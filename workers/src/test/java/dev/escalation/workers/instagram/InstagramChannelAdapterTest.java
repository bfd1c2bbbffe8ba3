package dev.escalation.workers.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationStatus;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** C2 on Instagram: WireMock plays the messaging API's /{account-id}/messages with its documented shapes. */
@LedgerTest
class InstagramChannelAdapterTest {
  static final String MESSAGES = "/v21.0/17841405822304914/messages";
  static WireMockServer graph;

  @Autowired TicketRepository tickets;
  @Autowired Conversations conversations;
  InstagramChannelAdapter adapter;

  @BeforeAll
  static void start() {
    graph = new WireMockServer(options().dynamicPort());
    graph.start();
  }

  @AfterAll
  static void stop() {
    graph.stop();
  }

  @BeforeEach
  void reset() {
    graph.resetAll();
    adapter = new InstagramChannelAdapter(new InstagramProperties("IGAA-token", "17841405822304914", "app-secret", "verify",
        URI.create(graph.baseUrl()), "v21.0", Duration.ofSeconds(20)), conversations);
  }

  private long ticketWithIgsid(String igsid) {
    long id = tickets.save(Ticket.open(new Customer("Ivy", "", "en", false, null), "instagram", "Order", "Late order",
        Priority.P3, Category.OTHER, 3, Instant.now())).id();
    conversations.received(id, Channel.INSTAGRAM, igsid, "Ivy", Instant.now());
    return id;
  }

  private static Notification notice(long ticketId, String body) {
    return new Notification(11L, "ACK:" + ticketId, ticketId, NotificationKind.ACKNOWLEDGEMENT, "", "Ivy", Channel.INSTAGRAM,
        NotificationStatus.PENDING, "We received your request: Order", body, 0, Instant.now(), null, Instant.now(), null, 0);
  }

  @Test
  void sendsTheNoticeAsADirectMessageToTheCustomersScopedId() throws Exception {
    long id = ticketWithIgsid("1254459154682919");
    graph.stubFor(post(MESSAGES).willReturn(okJson("{\"recipient_id\": \"1254459154682919\", \"message_id\": \"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1ODIyMzA0OTE0OjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI3NjAxNzc4NjU5OTM4NzE0MzozMTY5MDU3NDQ3NjM5MTc2NDM5NTg5NzM5MDQ4MjIzMDA4MAZDZD\"}")));

    adapter.deliver(notice(id, "Hello Ivy"));

    graph.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withHeader("Authorization", equalTo("Bearer IGAA-token"))
        .withRequestBody(equalToJson("""
            {"recipient": {"id": "1254459154682919"}, "message": {"text": "We received your request: Order\\n\\nHello Ivy"}}""")));
  }

  @Test
  void aLongNoticeIsCutToInstagrams1000Bytes() throws Exception {
    long id = ticketWithIgsid("42");
    graph.stubFor(post(MESSAGES).willReturn(okJson("{\"recipient_id\": \"42\", \"message_id\": \"m1\"}")));

    adapter.deliver(notice(id, "\u00e4".repeat(900)));

    String sent = graph.getAllServeEvents().get(0).getRequest().getBodyAsString();
    String text = new ObjectMapper().readTree(sent).path("message").path("text").asText();
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000).isGreaterThan(995);
    assertThat(text).endsWith("\u00e4\u2026");
  }

  @Test
  void a429IsRetriedAfterRetryAfter() {
    long id = ticketWithIgsid("42");
    graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"(#613) Calls to this api have exceeded the rate limit.\", \"type\": \"OAuthException\","
            + " \"code\": 613, \"fbtrace_id\": \"A1\"}}")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isFalse();
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    });
  }

  @Test
  void aMessageOutsideInstagramsWindowFailsForGoodWithInstagramsError() {
    long id = ticketWithIgsid("42");
    graph.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"(#10) This message is sent outside of allowed window.\", \"type\": \"OAuthException\","
            + " \"code\": 10, \"error_subcode\": 2534022, \"fbtrace_id\": \"A2\"}}")));

    assertThatThrownBy(() -> adapter.deliver(notice(id, "Hello"))).isInstanceOfSatisfying(DeliveryException.class, e -> {
      assertThat(e.permanent()).isTrue();
      assertThat(e.getMessage()).isEqualTo("Instagram answered 400: (#10) This message is sent outside of allowed window.");
    });
  }
}
