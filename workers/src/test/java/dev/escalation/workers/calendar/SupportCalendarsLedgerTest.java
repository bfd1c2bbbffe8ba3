package dev.escalation.workers.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.sla.CalendarNames;
import dev.escalation.workers.sla.SlaProperties;
import dev.escalation.workers.sla.SupportCalendar;
import dev.escalation.workers.testsupport.LedgerTest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** S2 against a real MariaDB: the seeded calendars, admin changes with their audit rows, and holiday import. */
@LedgerTest
class SupportCalendarsLedgerTest {
  @Autowired DbSupportCalendars calendars;
  @Autowired CalendarAdministration admin;
  @Autowired ICalendarHolidays iCalendar;
  @Autowired SlaProperties properties;
  @Autowired JdbcClient jdbc;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private StoredCalendar weekly(String name, String zone, String opens, String closes) {
    return admin.create(new CalendarChange(name, CalendarKind.WEEKLY, zone,
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), opens, closes, null, null), "admin");
  }

  private List<String> auditDetails(String name) {
    return jdbc.sql("SELECT detail FROM audit_event WHERE type = 'CALENDAR_CHANGED' AND ticket_id IS NULL AND detail LIKE ? ORDER BY id")
        .param("calendar " + name + " %").query(String.class).list();
  }

  @Test
  void businessHoursIsSeededFromTheConfiguredCalendarAndTwentyFourSevenIsAlwaysOpen() {
    assertThat(calendars.named(CalendarNames.BUSINESS_HOURS)).isEqualTo(properties.businessCalendar());
    assertThat(calendars.named(CalendarNames.TWENTY_FOUR_SEVEN).isAlwaysOpen()).isTrue();
    assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE type = 'CALENDAR_CHANGED' AND detail LIKE 'calendar business-hours seeded%'")
        .query(String.class).list()).containsExactly("system");
  }

  @Test
  void anUnknownNameIsRefusedNamingIt() {
    assertThatThrownBy(() -> calendars.named("no-such-calendar"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no support calendar named 'no-such-calendar' (known: 24x7, ")
        .hasMessageContaining(", business-hours");
  }

  @Test
  void aFollowTheSunUnionIsBuiltFromItsStoredMembers() {
    String eu = unique("eu");
    String us = unique("us");
    String apac = unique("apac");
    weekly(eu, "Europe/London", "08:00", "16:00");
    weekly(us, "America/New_York", "11:00", "19:00");
    weekly(apac, "Asia/Tokyo", "09:00", "17:00");
    String sun = unique("sun");
    StoredCalendar union = admin.create(new CalendarChange(sun, CalendarKind.UNION, null, null, null, null, List.of(eu, us, apac), null), "admin");

    assertThat(union.members()).containsExactly(eu, us, apac);
    SupportCalendar calendar = calendars.named(sun);
    assertThat(calendar).isInstanceOf(SupportCalendar.Union.class);
    assertThat(calendar.between(Instant.parse("2027-01-10T00:00:00Z"), Instant.parse("2027-01-17T00:00:00Z"))).isEqualTo(Duration.ofHours(120));
    assertThat(auditDetails(sun)).containsExactly("calendar " + sun + " created: union of " + eu + ", " + us + ", " + apac);
  }

  @Test
  void anEditAppliesToTheNextLookupAndIsAudited() {
    String name = unique("edit");
    StoredCalendar created = weekly(name, "Europe/Berlin", "09:00", "17:00");
    Instant mondayEight = Instant.parse("2027-01-11T07:00:00Z"); // 08:00 in Berlin
    assertThat(calendars.named(name).isWorkingTime(mondayEight)).isFalse();

    admin.update(created.id(), new CalendarChange(null, null, "Europe/Berlin", List.of("MONDAY"), "08:00", "24:00", null,
        List.of("2027-01-18")), "admin");

    SupportCalendar edited = calendars.named(name);
    assertThat(edited.isWorkingTime(mondayEight)).isTrue();
    assertThat(edited.isWorkingTime(Instant.parse("2027-01-11T22:59:59Z"))).as("until midnight").isTrue();
    assertThat(edited.isWorkingTime(Instant.parse("2027-01-18T10:00:00Z"))).as("holiday").isFalse();
    assertThat(auditDetails(name)).containsExactly(
        "calendar " + name + " created: Europe/Berlin MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00, 0 holidays",
        "calendar " + name + " changed from Europe/Berlin MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00, 0 holidays"
            + " to Europe/Berlin MONDAY 08:00-24:00, 1 holidays");
  }

  @Test
  void holidaysImportedFromAnICalendarFileCloseOnlyTheirCalendar() throws Exception {
    String berlin = unique("de");
    String london = unique("uk");
    StoredCalendar de = weekly(berlin, "Europe/Berlin", "09:00", "17:00");
    weekly(london, "Europe/London", "09:00", "17:00");
    List<Holiday> holidays;
    try (InputStream file = getClass().getResourceAsStream("/calendars/holidays-2027.ics")) {
      holidays = iCalendar.parse(file);
    }
    assertThat(holidays).containsExactly(
        new Holiday(LocalDate.of(2027, 10, 3), "Tag der Deutschen Einheit"),
        new Holiday(LocalDate.of(2027, 12, 24), "Christmas"),
        new Holiday(LocalDate.of(2027, 12, 25), "Christmas"),
        new Holiday(LocalDate.of(2027, 12, 26), "Christmas"),
        new Holiday(LocalDate.of(2028, 1, 1), "New Year"));

    StoredCalendar imported = admin.addHolidays(de.id(), holidays, "admin");

    assertThat(imported.holidays()).hasSize(5);
    Instant christmasEveNoon = Instant.parse("2027-12-24T11:00:00Z");
    assertThat(calendars.named(berlin).isWorkingTime(christmasEveNoon)).isFalse();
    assertThat(calendars.named(london).isWorkingTime(christmasEveNoon)).isTrue();
    // Thursday 23 December 16:00 + 2 h in Berlin: one hour Thursday, then Monday 27 December 09:00-10:00
    assertThat(calendars.named(berlin).plus(Instant.parse("2027-12-23T15:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2027-12-27T09:00:00Z"));
    assertThat(auditDetails(berlin)).last().isEqualTo("calendar " + berlin + " holidays: 5 of 5 added (2027-10-03 to 2028-01-01)");
    // importing the same file again adds nothing
    assertThat(admin.addHolidays(de.id(), holidays, "admin").holidays()).hasSize(5);
    assertThat(auditDetails(berlin)).last().isEqualTo("calendar " + berlin + " holidays: 0 of 5 added (2027-10-03 to 2028-01-01)");
  }

  @Test
  void aFileThatIsNoICalendarOrRepeatsIsRefusedNamingTheFile() throws Exception {
    assertThatThrownBy(() -> iCalendar.parse(InputStream.nullInputStream())).isInstanceOf(CalendarException.class)
        .extracting(e -> ((CalendarException) e).field()).isEqualTo("file");
    try (InputStream file = getClass().getResourceAsStream("/calendars/recurring.ics")) {
      assertThatThrownBy(() -> iCalendar.parse(file)).isInstanceOf(CalendarException.class)
          .hasMessage("event 1 repeats (RRULE): list each holiday as its own event");
    }
  }

  @Test
  void badChangesNameTheirField() {
    String name = unique("bad");
    StoredCalendar created = weekly(name, "Europe/Berlin", "09:00", "17:00");
    assertRefused(() -> weekly("Has Spaces", "Europe/Berlin", "09:00", "17:00"), "name");
    assertRefused(() -> weekly(name, "Europe/Berlin", "09:00", "17:00"), "name");
    assertRefused(() -> weekly(unique("z"), "Mars/Olympus", "09:00", "17:00"), "zone");
    assertRefused(() -> weekly(unique("t"), "Europe/Berlin", "9am", "17:00"), "opensAt");
    assertRefused(() -> weekly(unique("t"), "Europe/Berlin", "17:00", "09:00"), "closesAt");
    assertRefused(() -> admin.create(new CalendarChange(unique("d"), CalendarKind.WEEKLY, "UTC", List.of("MONDAY", "FUNDAY"),
        "09:00", "17:00", null, null), "admin"), "workingDays[1]");
    assertRefused(() -> admin.create(new CalendarChange(unique("u"), CalendarKind.UNION, null, null, null, null,
        List.of(name, "nobody"), null), "admin"), "members[1]");
    assertRefused(() -> admin.create(new CalendarChange(unique("u"), CalendarKind.UNION, "UTC", null, null, null,
        List.of(name), null), "admin"), "zone");
    assertRefused(() -> admin.update(created.id(), new CalendarChange("renamed", null, "UTC", List.of("MONDAY"), "09:00", "17:00",
        null, null), "admin"), "name");
    assertRefused(() -> admin.update(created.id(), new CalendarChange(null, null, "UTC", List.of("MONDAY"), "09:00", "17:00",
        null, List.of("2027-02-30")), "admin"), "holidays[0]");
    assertRefused(() -> admin.dates(List.of("2027-12-24", "tomorrow")), "dates[1]");
    assertThat(calendars.named(name)).isEqualTo(DbSupportCalendars.weekly(created));
  }

  private static void assertRefused(Runnable change, String field) {
    assertThatThrownBy(change::run).isInstanceOf(CalendarException.class)
        .extracting(e -> ((CalendarException) e).field()).isEqualTo(field);
  }
}
