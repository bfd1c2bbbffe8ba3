package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.sla.SlaProperties.CalendarProperties;
import dev.escalation.workers.ticket.Priority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SlaPropertiesTest {

  @Test
  void defaultsMatchTheProductTable() {
    SlaProperties properties = SlaProperties.defaults();

    assertThat(properties.warningRatio()).isEqualTo(0.75);
    assertThat(properties.targets())
        .containsOnlyKeys(Priority.values())
        .containsEntry(
            Priority.P1, new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(4), false))
        .containsEntry(Priority.P2, new SlaTarget(Duration.ofHours(1), Duration.ofHours(8), true))
        .containsEntry(Priority.P3, new SlaTarget(Duration.ofHours(4), Duration.ofHours(24), true))
        .containsEntry(
            Priority.P4, new SlaTarget(Duration.ofHours(24), Duration.ofHours(72), true));
  }

  @Test
  void defaultCalendarIsBerlinWeekdaysNineToFive() {
    SupportCalendar.WeeklyHours calendar = SlaProperties.defaults().businessCalendar();

    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(calendar.workingDays())
        .containsExactlyInAnyOrderElementsOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(calendar.opensAt()).isEqualTo(LocalTime.of(9, 0));
    assertThat(calendar.closesAt()).isEqualTo(LocalTime.of(17, 0));
    assertThat(calendar.holidays()).isEmpty();
  }

  @Test
  void calendarForUsesTwentyFourSevenUnlessBusinessHours() {
    SlaProperties properties = SlaProperties.defaults();

    assertThat(properties.calendarFor(Priority.P1).isAlwaysOpen()).isTrue();
    for (Priority priority : List.of(Priority.P2, Priority.P3, Priority.P4)) {
      assertThat(properties.calendarFor(priority)).isEqualTo(properties.businessCalendar());
    }
  }

  @Test
  void missingTargetsAreFilledFromDefaults() {
    SlaTarget fastP2 = new SlaTarget(Duration.ofMinutes(30), Duration.ofHours(4), false);

    SlaProperties properties = new SlaProperties(Map.of(Priority.P2, fastP2), 0.75, null);

    assertThat(properties.targets()).containsOnlyKeys(Priority.values());
    assertThat(properties.target(Priority.P2)).isEqualTo(fastP2);
    assertThat(properties.target(Priority.P3))
        .isEqualTo(SlaProperties.defaultTargets().get(Priority.P3));
    assertThat(properties.calendarFor(Priority.P2).isAlwaysOpen()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
  void rejectsWarningRatioOutsideOpenUnitInterval(double ratio) {
    assertThatThrownBy(() -> new SlaProperties(null, ratio, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warningRatio");
  }

  @Test
  void calendarDefaultsApplyPerField() {
    CalendarProperties calendar =
        new CalendarProperties("UTC", null, LocalTime.of(8, 0), null, null);

    assertThat(calendar.zone()).isEqualTo("UTC");
    assertThat(calendar.workingDays()).hasSize(5);
    assertThat(calendar.opensAt()).isEqualTo(LocalTime.of(8, 0));
    assertThat(calendar.closesAt()).isEqualTo(LocalTime.of(17, 0));
    assertThat(calendar.holidays()).isEmpty();
  }

  @Test
  void rejectsInvalidZone() {
    assertThatThrownBy(() -> new CalendarProperties("Mars/Olympus", null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar.zone");
  }

  @Test
  void rejectsOpeningAfterClosing() {
    assertThatThrownBy(
            () -> new CalendarProperties(null, null, LocalTime.of(18, 0), LocalTime.of(8, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar.opensAt");
  }

  @Test
  void rejectsEmptyWorkingDays() {
    assertThatThrownBy(() -> new CalendarProperties(null, List.of(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar.workingDays");
  }

  @Test
  void rejectsInvalidTarget() {
    assertThatThrownBy(() -> new SlaTarget(Duration.ZERO, Duration.ofHours(1), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("response");
    assertThatThrownBy(() -> new SlaTarget(Duration.ofHours(1), null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resolution");
  }

  @Test
  void bindsFromSpringProperties() {
    Map<String, String> source =
        Map.of(
            "escalation.sla.warning-ratio", "0.8",
            "escalation.sla.targets.P2.response", "30m",
            "escalation.sla.targets.P2.resolution", "6h",
            "escalation.sla.targets.P2.business-hours", "true",
            "escalation.sla.calendar.zone", "Europe/Vienna",
            "escalation.sla.calendar.working-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY",
            "escalation.sla.calendar.opens-at", "08:00",
            "escalation.sla.calendar.closes-at", "16:30",
            "escalation.sla.calendar.holidays", "2026-12-24,2026-12-25");

    SlaProperties properties =
        new Binder(new MapConfigurationPropertySource(source))
            .bind("escalation.sla", SlaProperties.class)
            .get();

    assertThat(properties.warningRatio()).isEqualTo(0.8);
    assertThat(properties.target(Priority.P2))
        .isEqualTo(new SlaTarget(Duration.ofMinutes(30), Duration.ofHours(6), true));
    assertThat(properties.target(Priority.P1))
        .isEqualTo(SlaProperties.defaultTargets().get(Priority.P1));
    SupportCalendar.WeeklyHours calendar = properties.businessCalendar();
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
    assertThat(calendar.workingDays()).doesNotContain(DayOfWeek.FRIDAY).hasSize(4);
    assertThat(calendar.opensAt()).isEqualTo(LocalTime.of(8, 0));
    assertThat(calendar.closesAt()).isEqualTo(LocalTime.of(16, 30));
    assertThat(calendar.holidays())
        .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
  }

  @Test
  void bindingWithoutPropertiesGivesDefaults() {
    SlaProperties properties =
        new Binder(new MapConfigurationPropertySource(Map.of("unrelated", "x")))
            .bindOrCreate("escalation.sla", SlaProperties.class);

    assertThat(properties).isEqualTo(SlaProperties.defaults());
  }

  @Test
  void bindingOnlyTheRatioKeepsOtherDefaults() {
    SlaProperties properties =
        new Binder(new MapConfigurationPropertySource(Map.of("escalation.sla.warning-ratio", "0.9")))
            .bind("escalation.sla", SlaProperties.class)
            .get();

    assertThat(properties.warningRatio()).isEqualTo(0.9);
    assertThat(properties.targets()).isEqualTo(SlaProperties.defaultTargets());
    assertThat(properties.calendar()).isEqualTo(CalendarProperties.defaults());
  }
}
