package dev.escalation.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S2/T3 end to end: an admin gives {@code business-hours} a holiday on Monday and moves its opening
 * to 10:00; a P2 opened on Friday evening then warns and breaches on Tuesday, inside the edited
 * calendar, and nothing fires over the weekend nor on the holiday. The calendar is put back afterwards.
 */
@EmbeddedAppTest
class EditedCalendarClocksTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @LocalServerPort int port;
  private JsonNode original;

  private TicketApi admin() {
    return new TicketApi(port).as("admin");
  }

  private JsonNode businessHours() {
    for (JsonNode calendar : admin().get("/api/calendars").body()) {
      if (calendar.get("name").asText().equals("business-hours")) {
        return calendar;
      }
    }
    throw new AssertionError("business-hours missing");
  }

  @AfterEach
  void putTheCalendarBack() {
    if (original != null) {
      List<String> days = new ArrayList<>();
      original.get("workingDays").forEach(d -> days.add(d.asText()));
      assertThat(admin().send("PUT", "/api/calendars/" + original.get("id").asLong(), Map.of("zone", original.get("zone").asText(),
          "workingDays", days, "opensAt", original.get("opensAt").asText(), "closesAt", original.get("closesAt").asText(),
          "holidays", original.get("holidays").findValuesAsText("date"))).status()).isEqualTo(200);
    }
  }

  @Test
  void aP2OpenedFridayEveningFiresOnlyInsideTheEditedCalendar() {
    TicketApi api = new TicketApi(port);
    ZonedDateTime now = Instant.now(EmbeddedRuntime.clock()).atZone(BERLIN);
    ZonedDateTime friday = now.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (friday.getDayOfWeek() != DayOfWeek.FRIDAY) {
      friday = friday.plusDays(1);
    }
    friday = friday.withHour(18).withMinute(30);
    ZonedDateTime monday = friday.plusDays(3).truncatedTo(ChronoUnit.DAYS);
    ZonedDateTime tuesdayTen = monday.plusDays(1).withHour(10);

    original = businessHours();
    assertThat(admin().send("PUT", "/api/calendars/" + original.get("id").asLong(), Map.of("zone", "Europe/Berlin",
        "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "opensAt", "10:00", "closesAt", "17:00",
        "holidays", List.of(monday.toLocalDate().toString()))).status()).isEqualTo(200);

    api.advanceClock(Duration.between(now, friday).truncatedTo(ChronoUnit.SECONDS).toString());
    long id = api.open("P2", "TECHNICAL", "edited-calendar@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    // 1 business hour of response from Friday 18:30: Tuesday 10:00-11:00, the holiday Monday skipped
    assertThat(Instant.parse(api.ticket(id).get("responseDueAt").asText()).atZone(BERLIN).truncatedTo(ChronoUnit.MINUTES))
        .isEqualTo(tuesdayTen.plusHours(1));

    api.advanceClock(Duration.between(friday, tuesdayTen.minusMinutes(1)).toString()); // Tuesday 09:59: weekend and holiday passed
    assertThat(api.notifications(id, "SLA_WARNING")).isEmpty();
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_WARNING", "SLA_BREACHED");

    api.advanceClock("PT47M"); // 10:46: warning at 10:45, breach at 11:00
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SLA_WARNING").size() == 1);
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_BREACHED");

    api.advanceClock("PT15M"); // 11:01
    await().atMost(Duration.ofSeconds(30)).until(() -> api.timelineTypes(id).contains("SLA_BREACHED"));
  }
}
