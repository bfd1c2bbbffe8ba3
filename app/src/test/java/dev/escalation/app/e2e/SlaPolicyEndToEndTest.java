package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S1, S5 end to end: the customer's plan chooses the SLA policy row. On a Saturday an ENTERPRISE ticket is
 * promised 30 minutes around the clock and warned at 50%, a FREE ticket one business day from Monday
 * morning; both show the applied row in the API and the timeline. An unknown plan is refused.
 */
@EmbeddedAppTest
class SlaPolicyEndToEndTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @LocalServerPort int port;

  @Test
  void anEnterpriseTicketOnASaturdayGetsTheAroundTheClockPromiseAndAFreeTicketTheBusinessHoursOne() {
    TicketApi api = new TicketApi(port);
    ZonedDateTime now = Instant.now(EmbeddedRuntime.clock()).atZone(BERLIN);
    ZonedDateTime saturday = now.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
      saturday = saturday.plusDays(1);
    }
    saturday = saturday.withHour(10);
    api.advanceClock(Duration.between(now, saturday).truncatedTo(ChronoUnit.SECONDS).toString());

    long enterprise = api.open(withPlan("ENTERPRISE", "enterprise-saturday@example.com"));
    long free = api.open(withPlan("FREE", "free-saturday@example.com"));
    await().atMost(Duration.ofSeconds(30)).until(() -> running(api, enterprise) && running(api, free));

    JsonNode e = api.ticket(enterprise);
    assertThat(e.get("customer").get("plan").asText()).isEqualTo("ENTERPRISE");
    JsonNode ePolicy = e.get("slaPolicy");
    assertThat(ePolicy.get("ruleId").asText()).isEqualTo("enterprise-around-the-clock");
    assertThat(ePolicy.get("responseTarget").asText()).isEqualTo("PT30M");
    assertThat(ePolicy.get("resolutionTarget").asText()).isEqualTo("PT8H");
    assertThat(ePolicy.get("nextReplyTarget").asText()).isEqualTo("PT1H");
    assertThat(ePolicy.get("calendar").asText()).isEqualTo("24x7");
    assertThat(ePolicy.get("version").asInt()).isPositive();
    // around the clock: 30 minutes after the clocks started, a moment after opening at about 10:00
    assertThat(Instant.parse(e.get("responseDueAt").asText()))
        .isBetween(saturday.plusMinutes(30).minusSeconds(1).toInstant(), saturday.plusMinutes(31).toInstant());

    JsonNode f = api.ticket(free);
    JsonNode fPolicy = f.get("slaPolicy");
    assertThat(fPolicy.get("ruleId").asText()).isEqualTo("free-next-business-day");
    assertThat(fPolicy.get("responseTarget").asText()).isEqualTo("PT8H");
    assertThat(fPolicy.get("nextReplyTarget").isNull()).isTrue();
    assertThat(fPolicy.get("calendar").asText()).isEqualTo("business-hours");
    assertThat(fPolicy.get("version").asInt()).isEqualTo(ePolicy.get("version").asInt());
    // 8 business hours from Monday 09:00
    assertThat(due(f, "responseDueAt")).isEqualTo(saturday.plusDays(2).withHour(17));
    assertThat(api.timeline(enterprise)).anySatisfy(entry -> {
      assertThat(entry.get("type").asText()).isEqualTo("SLA_POLICY_APPLIED");
      assertThat(entry.get("detail").asText()).startsWith("P3 at tier 1: rule enterprise-around-the-clock (response PT30M");
    });

    api.advanceClock("PT16M"); // the ENTERPRISE row warns at 50% of 30 minutes; the FREE ticket's calendar is closed
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(enterprise, "SLA_WARNING").size() == 1);
    assertThat(api.notifications(enterprise, "SLA_WARNING").get(0).get("subject").asText()).contains("response SLA at 50%");
    assertThat(api.notifications(free, "SLA_WARNING")).isEmpty();
  }

  @Test
  void anUnknownPlanIsRefusedNamingTheFieldAndThePlans() {
    TicketApi api = new TicketApi(port);

    var response = api.post("/api/tickets", withPlan("GOLD", "gold@example.com"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("customer.plan");
    assertThat(response.body().get("errors").get(0).get("message").asText())
        .isEqualTo("must be one of FREE, STANDARD, PREMIUM, ENTERPRISE (or left out: STANDARD)");
  }

  private static boolean running(TicketApi api, long id) {
    JsonNode t = api.ticket(id);
    return "RUNNING".equals(t.get("responseClock").asText()) && t.hasNonNull("slaPolicy");
  }

  private static ZonedDateTime due(JsonNode ticket, String field) {
    return Instant.parse(ticket.get(field).asText()).atZone(BERLIN).truncatedTo(ChronoUnit.MINUTES);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withPlan(String plan, String email) {
    Map<String, Object> request = new HashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", email));
    Map<String, Object> customer = new HashMap<>((Map<String, Object>) request.get("customer"));
    customer.put("plan", plan);
    request.put("customer", customer);
    return request;
  }
}
