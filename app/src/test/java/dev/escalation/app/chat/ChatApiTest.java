package dev.escalation.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.security.EmbeddedDemoMode;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.notification.Channel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer's side of the live chat over HTTP, against the real app (C1, C3, C4). */
@EmbeddedAppTest
class ChatApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired InboundLedger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired ChatProperties properties;
  @Autowired ObjectProvider<EmbeddedDemoMode> demoMode;
  TicketApi staff;

  @BeforeEach
  void client() {
    staff = new TicketApi(port);
  }

  record Reply(int status, JsonNode body, HttpHeaders headers) {
    String header(String name) {
      return headers.map().getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }
  }

  record HttpHeaders(Map<String, List<String>> map) {}

  private Reply call(String method, String path, String token, Object body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json, new HttpHeaders(response.headers().map()));
  }

  private record Chat(String token, String reference, long ticketId) {}

  private Chat start(String name, String message) throws Exception {
    Reply started = call("POST", "/api/chat/conversations", null,
        Map.of("name", name, "email", "chat.customer@example.test", "message", message, "language", "de"));
    assertThat(started.status()).isEqualTo(201);
    String reference = started.body().get("reference").asText();
    long ticketId = ledger.find(Channel.CHAT, reference + ":#start").orElseThrow().ticketId();
    return new Chat(started.body().get("token").asText(), reference, ticketId);
  }

  private List<JsonNode> transcript(Chat chat) throws Exception {
    Reply reply = call("GET", "/api/chat/conversation", chat.token(), null);
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    reply.body().get("messages").forEach(entries::add);
    return entries;
  }

  /** The customers' messages in all transcripts (notices arrive on their own, whenever the outbox delivers them). */
  private long customerEntries() {
    return jdbc.sql("SELECT COUNT(*) FROM chat_entry WHERE kind = 'CUSTOMER'").query(Long.class).single();
  }

  private long inboundChatMessages() {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE channel = 'chat'").query(Long.class).single();
  }

  @Test
  void theFirstMessageOpensAChatTicketAndTheAcknowledgementArrivesInTheCustomersLanguage() throws Exception {
    Reply started = call("POST", "/api/chat/conversations", null, Map.of("name", "Carla Chat",
        "email", "carla@example.test", "message", "Ich kann mich nicht anmelden", "language", "de"));

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.body().get("token").asText()).isNotBlank();
    JsonNode first = started.body().get("messages").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("CUSTOMER");
    assertThat(first.get("author").asText()).isEqualTo("Carla Chat");
    assertThat(first.get("text").asText()).isEqualTo("Ich kann mich nicht anmelden");
    String reference = started.body().get("reference").asText();
    // the customer gets a public reference, never the ticket's id
    assertThat(started.body().has("ticketId")).isFalse();
    long id = ledger.find(Channel.CHAT, reference + ":#start").orElseThrow().ticketId();
    JsonNode ticket = staff.ticket(id);
    assertThat(ticket.get("channel").asText()).isEqualTo("chat");
    assertThat(ticket.get("customer").get("name").asText()).isEqualTo("Carla Chat");
    assertThat(ticket.get("customer").get("language").asText()).isEqualTo("de");
    assertThat(ticket.get("customer").get("email").asText()).as("the address the chat asked for").isEqualTo("carla@example.test");

    Chat chat = new Chat(started.body().get("token").asText(), reference, id);
    await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat).size() == 2);
    JsonNode ack = transcript(chat).get(1);
    assertThat(ack.get("kind").asText()).isEqualTo("NOTICE");
    assertThat(ack.get("author").asText()).isEqualTo("Support");
    assertThat(ack.get("text").asText()).startsWith("Wir haben Ihre Anfrage #" + id);
    assertThat(staff.notifications(id, "ACKNOWLEDGEMENT")).singleElement().satisfies(n -> {
      assertThat(n.get("channel").asText()).isEqualTo("CHAT");
      assertThat(n.get("status").asText()).isEqualTo("SENT");
    });
  }

  @Test
  void aMessageIsRecordedOnceHoweverOftenItsSendIsRetried() throws Exception {
    Chat chat = start("Rita Retry", "My invoice is wrong");
    Map<String, String> message = Map.of("clientMessageId", "m-1", "text", "The address should be Berlin");

    Reply first = call("POST", "/api/chat/messages", chat.token(), message);
    Reply retry = call("POST", "/api/chat/messages", chat.token(), message);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
    assertThat(first.body().get("kind").asText()).isEqualTo("CUSTOMER");
    assertThat(ledger.find(Channel.CHAT, chat.reference() + ":m-1").orElseThrow().ticketId()).isEqualTo(chat.ticketId());
    // C1: the ticket's conversation and timeline have it once, as for every channel's customer message
    List<String> bodies = new ArrayList<>();
    staff.get("/api/tickets/" + chat.ticketId() + "/messages").body().forEach(m -> bodies.add(m.get("body").asText()));
    assertThat(bodies).containsExactly("The address should be Berlin");
    assertThat(transcript(chat)).filteredOn(e -> e.get("text").asText().equals("The address should be Berlin")).hasSize(1);
  }

  @Test
  void aForgedOrExpiredTokenIsRefusedAndRecordsNothing() throws Exception {
    Chat chat = start("Fiona Forged", "Hello");
    String[] parts = chat.token().split("\\.");
    String otherChat = java.util.UUID.randomUUID() + "." + parts[1] + "." + parts[2];
    char flipped = parts[2].charAt(10) == 'A' ? 'B' : 'A';
    String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + flipped + parts[2].substring(11);
    String expired = new ChatTokens(properties, demoMode,
        Clock.fixed(Instant.now().minus(properties.tokenValidity()).minusSeconds(60), ZoneOffset.UTC))
        .issue(chat.reference()).token();
    long inbound = inboundChatMessages();
    long entries = customerEntries();

    for (String token : List.of(otherChat, badSignature, expired, "not-a-token")) {
      Reply refused = call("POST", "/api/chat/messages", token, Map.of("clientMessageId", "m-x", "text", "Let me in"));
      assertThat(refused.status()).as(token).isEqualTo(401);
      assertThat(refused.body().get("title").asText()).isEqualTo("Invalid conversation token");
      assertThat(refused.body().get("detail").asText())
          .isEqualTo("the conversation token is missing, forged or expired: start a new conversation");
      assertThat(call("GET", "/api/chat/conversation", token, null).status()).isEqualTo(401);
    }
    // the token is checked before the body: a bad body with a bad token is still a 401
    assertThat(call("POST", "/api/chat/messages", badSignature, Map.of("text", "")).status()).isEqualTo(401);
    assertThat(call("POST", "/api/chat/messages", null, Map.of("clientMessageId", "m-y", "text", "Hi")).status()).isEqualTo(401);
    assertThat(inboundChatMessages()).isEqualTo(inbound);
    assertThat(customerEntries()).isEqualTo(entries);
  }

  @Test
  void badInputIsA400NamingTheField() throws Exception {
    Reply noEmail = call("POST", "/api/chat/conversations", null, Map.of("name", "Nina", "email", "not-an-address", "message", "Hi"));
    Reply noMessage = call("POST", "/api/chat/conversations", null, Map.of("name", "Nina", "email", "nina@example.test", "message", " "));
    Reply badLanguage = call("POST", "/api/chat/conversations", null,
        Map.of("name", "Nina", "email", "nina@example.test", "message", "Hi", "language", "deutsch!"));
    Chat chat = start("Nina", "Hi");
    Reply badId = call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "#1", "text", "x"));
    Reply noText = call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-1"));

    assertThat(noEmail.status()).isEqualTo(400);
    assertThat(noEmail.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
    assertThat(noMessage.body().get("errors").get(0).get("field").asText()).isEqualTo("message");
    assertThat(badLanguage.body().get("errors").get(0).get("field").asText()).isEqualTo("language");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body().get("errors").get(0).get("field").asText()).isEqualTo("clientMessageId");
    assertThat(noText.body().get("errors").get(0).get("field").asText()).isEqualTo("text");
  }

  @Test
  void messagesOverTheConversationsLimitAre429WithRetryAfter() throws Exception {
    Chat chat = start("Mia Many", "First");
    int limit = properties.messages().limit();
    for (int i = 1; i <= limit; i++) {
      assertThat(call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-" + i, "text", "Message " + i))
          .status()).isEqualTo(201);
    }

    Reply over = call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-over", "text", "One too many"));

    assertThat(over.status()).isEqualTo(429);
    assertThat(Long.parseLong(over.header("retry-after"))).isBetween(1L, properties.messages().per().toSeconds());
    assertThat(over.body().get("title").asText()).isEqualTo("Too many requests");
    assertThat(over.body().get("detail").asText()).startsWith("at most " + limit + " messages per PT1M in one conversation");
    assertThat(ledger.find(Channel.CHAT, chat.reference() + ":m-over")).isEmpty();
  }

  @Test
  void anAgentsReplyReachesTheChatAsTheirMessage() throws Exception {
    Chat chat = start("Paula Reply", "How do I export to PDF?");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(staff.ticket(chat.ticketId()).get("responseClock").asText()));
    JsonNode owner = staff.ticket(chat.ticketId()).get("owner");

    TicketApi.Response replied = staff.as(owner.get("username").asText())
        .post("/api/tickets/" + chat.ticketId() + "/replies", Map.of("text", "Use File, then Export, then PDF."));

    assertThat(replied.status()).as(replied.toString()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat).stream().anyMatch(e -> e.get("kind").asText().equals("AGENT")));
    JsonNode answer = transcript(chat).stream().filter(e -> e.get("kind").asText().equals("AGENT")).findFirst().orElseThrow();
    assertThat(answer.get("author").asText()).isEqualTo(owner.get("displayName").asText());
    assertThat(answer.get("text").asText()).isEqualTo("Use File, then Export, then PDF.");
    assertThat(staff.notifications(chat.ticketId(), "REPLY")).singleElement()
        .satisfies(n -> assertThat(n.get("status").asText()).isEqualTo("SENT"));
  }

  @Test
  void theOwnersQuestionShowsInTheChatAndTheCustomersAnswerResumesThePausedTicket() throws Exception {
    Chat chat = start("Quinn Question", "The dashboard does not load");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(staff.ticket(chat.ticketId()).get("responseClock").asText()));
    assertThat(staff.post("/api/tickets/" + chat.ticketId() + "/waiting-on-customer",
        Map.of("question", "Which browser do you use?")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(staff.ticket(chat.ticketId()).get("responseClock").asText()));
    await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat).stream()
        .anyMatch(e -> e.get("kind").asText().equals("NOTICE") && e.get("text").asText().contains("Which browser do you use?")));

    assertThat(call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-1", "text", "Firefox 128"))
        .status()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(staff.ticket(chat.ticketId()).get("responseClock").asText()));
    assertThat(staff.ticket(chat.ticketId()).get("status").asText()).isEqualTo("OPEN");
    assertThat(staff.timelineTypes(chat.ticketId())).containsSubsequence("WAITING_ON_CUSTOMER", "CUSTOMER_REPLIED", "SLA_CLOCKS_RESUMED");
  }

  @Test
  void theTranscriptNeverShowsAnInternalNote() throws Exception {
    Chat chat = start("Nora Notes", "Please check my account");
    assertThat(staff.post("/api/tickets/" + chat.ticketId() + "/internal-notes",
        Map.of("text", "ESC-CODE-77: suspected fraud, do not tell the customer")).status()).isEqualTo(201);
    call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-1", "text", "Any news?"));
    await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat).stream().anyMatch(e -> e.get("kind").asText().equals("NOTICE")));

    String everything = call("GET", "/api/chat/conversation", chat.token(), null).body().toString();
    assertThat(everything).contains("Any news?").doesNotContain("ESC-CODE-77").doesNotContain("fraud");
    assertThat(staff.get("/api/tickets/" + chat.ticketId() + "/internal-notes").body().toString()).contains("ESC-CODE-77");
  }

  /** The lines of an event stream, read on a thread of their own. */
  private record EventStream(int status, BlockingQueue<String> lines, CompletableFuture<?> reader) {
    List<String> next(int events) throws InterruptedException {
      List<String> ids = new ArrayList<>();
      while (ids.size() < events) {
        String line = lines.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(line).as("an event within 30 s").isNotNull();
        if (line.startsWith("id:")) {
          ids.add(line.substring(3).strip());
        }
      }
      return ids;
    }
  }

  private EventStream stream(String token, String lastEventId) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/stream?token=" + token))
        .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<?> reader = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
    return new EventStream(response.statusCode(), lines, reader);
  }

  @Test
  void theStreamSendsNewEntriesAndAReconnectResumesAfterTheLastEventId() throws Exception {
    Chat chat = start("Sven Stream", "Is anyone there?");
    await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat).size() == 2); // the message and the acknowledgement
    List<Long> ids = transcript(chat).stream().map(e -> e.get("id").asLong()).toList();

    EventStream live = stream(chat.token(), null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.next(2)).containsExactly(Long.toString(ids.get(0)), Long.toString(ids.get(1)));
    long sent = call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-1", "text", "Hello?"))
        .body().get("id").asLong();
    assertThat(live.next(1)).containsExactly(Long.toString(sent));
    live.reader().cancel(true);

    // the browser lost the connection after the first event: it asks for what came after it, and gets it once
    EventStream resumed = stream(chat.token(), Long.toString(ids.get(0)));
    assertThat(resumed.next(2)).containsExactly(Long.toString(ids.get(1)), Long.toString(sent));
    long more = call("POST", "/api/chat/messages", chat.token(), Map.of("clientMessageId", "m-2", "text", "Still there?"))
        .body().get("id").asLong();
    assertThat(resumed.next(1)).containsExactly(Long.toString(more));
    resumed.reader().cancel(true);
  }

  @Test
  void theStreamOfAnotherChatOrAForgedTokenIsRefused() throws Exception {
    Chat chat = start("Olga Other", "Hello");
    String forged = chat.token().substring(0, chat.token().length() - 5) + "AAAAA";

    assertThat(stream(forged, null).status()).isEqualTo(401);
    assertThat(stream("", null).status()).isEqualTo(401);
  }
}
