package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
  void theDevClockOnlyMovesForward() {
    var backwards = api.post("/api/dev/clock", Map.of("advance", "-PT5M"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("errors").get(0).get("field").asText()).isEqualTo("advance");
    assertThat(api.post("/api/dev/clock", Map.of("advance", "soon")).status()).isEqualTo(400);
  }
}
