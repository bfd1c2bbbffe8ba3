package dev.escalation.workers.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * S2: the holidays of an iCalendar file (RFC 5545), parsed with ical4j. Each event is a holiday on
 * every day from its start up to its end (exclusive, as RFC 5545 has it for all-day events; one day
 * without an end). Recurring events (RRULE) are refused rather than guessed at: export the years wanted.
 */
@org.springframework.stereotype.Component
public class ICalendarHolidays {
  /** Longer events are no holidays but a mistake in the file. */
  private static final int MAX_DAYS_PER_EVENT = 31;

  public List<Holiday> parse(InputStream file) {
    Calendar calendar;
    try {
      calendar = new CalendarBuilder().build(file);
    } catch (IOException | ParserException e) {
      throw new CalendarException("file", "is not an iCalendar file: " + e.getMessage());
    }
    TreeMap<LocalDate, Holiday> days = new TreeMap<>();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    for (int i = 0; i < events.size(); i++) {
      VEvent event = events.get(i);
      if (event.getProperty(Property.RRULE).isPresent()) {
        throw new CalendarException("file", "event " + (i + 1) + " repeats (RRULE): list each holiday as its own event");
      }
      Optional<DtStart<Temporal>> start = event.getStartDate();
      if (start.isEmpty()) {
        throw new CalendarException("file", "event " + (i + 1) + " has no DTSTART");
      }
      LocalDate first = LocalDate.from(start.get().getDate());
      Optional<DtEnd<Temporal>> end = event.getEndDate(false);
      LocalDate until = end.map(e -> LocalDate.from(e.getDate())).orElse(first.plusDays(1));
      if (!until.isAfter(first)) {
        until = first.plusDays(1);
      }
      if (until.isAfter(first.plusDays(MAX_DAYS_PER_EVENT))) {
        throw new CalendarException("file", "event " + (i + 1) + " lasts more than " + MAX_DAYS_PER_EVENT + " days");
      }
      String name = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse(null);
      for (LocalDate day = first; day.isBefore(until); day = day.plusDays(1)) {
        days.putIfAbsent(day, new Holiday(day, name));
      }
    }
    if (days.isEmpty()) {
      throw new CalendarException("file", "holds no events");
    }
    return new ArrayList<>(days.values());
  }
}
