package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** T3 with the real support calendar (Europe/Berlin, Mon-Fri 09:00-17:00): nothing fires over the weekend. */
@EmbeddedAppTest
class BusinessHoursTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @LocalServerPort int port;

  @Test
  void aP2OpenedOnFridayEveningIsDueMondayAtTenAndBreachesThenNotBefore() {
    TicketApi api = new TicketApi(port);
    ZonedDateTime now = Instant.now(EmbeddedRuntime.clock()).atZone(BERLIN);
    ZonedDateTime friday = now.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (friday.getDayOfWeek() != DayOfWeek.FRIDAY) {
      friday = friday.plusDays(1);
    }
    friday = friday.withHour(18).withMinute(30);
    api.advanceClock(Duration.between(now, friday).truncatedTo(ChronoUnit.SECONDS).toString());

    long id = api.open("P2", "TECHNICAL", "friday-evening@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    ZonedDateTime monday = friday.plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0);
    assertThat(Instant.parse(api.ticket(id).get("responseDueAt").asText()).atZone(BERLIN).truncatedTo(ChronoUnit.MINUTES))
        .isEqualTo(monday);
    // 8 business hours of resolution: all of Monday, due Monday 17:00
    assertThat(Instant.parse(api.ticket(id).get("resolutionDueAt").asText()).atZone(BERLIN).truncatedTo(ChronoUnit.MINUTES))
        .isEqualTo(monday.withHour(17));

    api.advanceClock("P2DT14H"); // Monday 08:30: the weekend passed, the calendar had not opened yet
    assertThat(api.notifications(id, "SLA_WARNING")).isEmpty();
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_BREACHED");

    api.advanceClock("PT1H20M"); // 09:50: warning at 09:45, breach at 10:00
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SLA_WARNING").size() == 1);
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_BREACHED");

    api.advanceClock("PT11M");
    // escalate-ticket moves the tier, assign-owner then gives it its owner: wait for both
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 2
        && api.ticket(id).get("owner").get("tier").asInt() == 2);
    assertThat(api.ticket(id).get("owner").get("username").asText()).isEqualTo("tech1");
  }
}
