package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@EmbeddedAppTest
class BadInputTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private long tickets() {
    return jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
  }

  @Test
  void anInvalidTicketIsRejectedNamingEveryBadFieldAndNothingIsStored() {
    long before = tickets();
    var customer = new HashMap<String, Object>(Map.of("name", "", "email", "not-an-email", "language", "english", "annualRevenue", -5));
    var body = new HashMap<String, Object>(TicketApi.ticketRequest("P1", "BILLING", "x@example.com"));
    body.put("customer", customer);
    body.put("channel", "carrier-pigeon");
    body.remove("subject");

    var response = api.post("/api/tickets", body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(ManualEscalationTest.fields(response.body())).containsExactly(
        "channel", "customer.annualRevenue", "customer.email", "customer.language", "customer.name", "subject");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void anUnknownPriorityNamesTheFieldAndTheAllowedValues() {
    var body = new HashMap<String, Object>(TicketApi.ticketRequest("P9", "BILLING", "x@example.com"));
    var response = api.post("/api/tickets", body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("priority");
    assertThat(response.body().get("errors").get(0).get("message").asText()).isEqualTo("must be one of P1, P2, P3, P4");
  }

  @Test
  void malformedJsonWrongTypesAndUnknownTicketsGetProblems() {
    assertThat(api.post("/api/tickets", "{\"customer\": ").status()).isEqualTo(400);
    var wrongType = api.post("/api/tickets/1/attempts", Map.of("note", Map.of("nested", true)));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("note");

    var unknown = api.get("/api/tickets/999999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/api/tickets/abc").status()).isEqualTo(400);
    assertThat(api.post("/api/tickets/999999/resolution", Map.of("summary", "x")).status()).isEqualTo(404);
  }

  @Test
  void theDevClockOnlyMovesForwardByAtMostAYearAndStaysBefore2100() {
    Duration offset = EmbeddedRuntime.clock().offset();
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("-PT5M", "must be positive: the clock only moves forward");
    refused.put("PT0S", "must be positive: the clock only moves forward");
    refused.put("soon", "must be an ISO-8601 duration such as PT16M or P1DT2H");
    refused.put("PT9999999999H", "must be at most P366D: move the clock in steps of a year or less");
    refused.put("P367D", "must be at most P366D: move the clock in steps of a year or less");
    refused.put("PT2562047788015215H", "must be at most P366D: move the clock in steps of a year or less");
    refused.put("PT2562047788015216H", "must be an ISO-8601 duration such as PT16M or P1DT2H"); // beyond a Duration
    refused.forEach((advance, message) -> {
      var response = api.post("/api/dev/clock", Map.of("advance", advance));
      assertThat(response.status()).as(advance).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.body().get("type").asText()).isEqualTo("https://escalation.dev/problems/invalid-request");
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("advance");
      assertThat(response.body().get("errors").get(0).get("message").asText()).as(advance).isEqualTo(message);
    });
    assertThat(EmbeddedRuntime.clock().offset()).isEqualTo(offset);
    // nothing moved, so writes still work
    assertThat(api.post("/api/tickets", TicketApi.ticketRequest("P4", "OTHER", "clock@example.com")).status()).isEqualTo(201);
  }

  @Test
  void onlyTheHeadOfSupportAndAdminsMayMoveTheClockOrReadTheMailbox() {
    for (String user : new String[] {"agent1", "billing1", "manager1"}) {
      var clock = api.as(user).post("/api/dev/clock", Map.of("advance", "PT9999999999H"));
      assertThat(clock.status()).as(user).isEqualTo(403);
      assertThat(clock.contentType()).startsWith("application/problem+json");
      assertThat(api.as(user).get("/api/dev/mailbox").status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().post("/api/dev/clock", Map.of("advance", "PT1M")).status()).isEqualTo(401);
    assertThat(api.anonymous().get("/api/dev/mailbox").status()).isEqualTo(401);
    assertThat(api.as("head1").get("/api/dev/mailbox").status()).isEqualTo(200);
    assertThat(api.as("admin").get("/api/dev/mailbox").status()).isEqualTo(200);
    assertThat(api.as("admin").post("/api/dev/clock", Map.of("advance", "PT0S")).status()).isEqualTo(400);
  }

  @Test
  void aBadChatStartNamesEveryBadFieldAndRecordsNothing() {
    long before = jdbc.sql("SELECT COUNT(*) FROM chat_conversation").query(Long.class).single();

    var response = api.anonymous().post("/api/chat/conversations",
        Map.of("name", " ", "email", "not-an-email", "message", "Pay \u202Eyad", "language", "english!"));
    var malformed = api.anonymous().post("/api/chat/conversations", "{\"name\": ");
    var tooLong = api.anonymous().post("/api/chat/conversations",
        Map.of("name", "Long", "email", "long@example.com", "message", "x".repeat(4001)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(ManualEscalationTest.fields(response.body())).containsExactly("email", "language", "message", "name");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(ManualEscalationTest.fields(tooLong.body())).containsExactly("message");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_conversation").query(Long.class).single()).isEqualTo(before);
  }
}
