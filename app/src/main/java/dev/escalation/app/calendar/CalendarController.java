package dev.escalation.app.calendar;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.app.web.Problems;
import dev.escalation.workers.calendar.CalendarAdministration;
import dev.escalation.workers.calendar.CalendarChange;
import dev.escalation.workers.calendar.CalendarException;
import dev.escalation.workers.calendar.CalendarKind;
import dev.escalation.workers.calendar.CalendarNotFound;
import dev.escalation.workers.calendar.ICalendarHolidays;
import dev.escalation.workers.calendar.StoredCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * S2: support calendars. Everyone signed in reads them; only admins change them (the URL rules in
 * SecurityConfiguration). Holidays come as an iCalendar file ({@code text/calendar}) or a JSON list of dates.
 */
@RestController
@RequestMapping("/api/calendars")
class CalendarController {
  /** Holiday files are small; a larger upload is a mistake, not a calendar. */
  static final int MAX_FILE_BYTES = 1_000_000;
  private final CalendarAdministration calendars;
  private final ICalendarHolidays iCalendar;
  private final CurrentActor actor;

  CalendarController(CalendarAdministration calendars, ICalendarHolidays iCalendar, CurrentActor actor) {
    this.calendars = calendars;
    this.iCalendar = iCalendar;
    this.actor = actor;
  }

  /** A weekly calendar (zone, workingDays, opensAt, closesAt, holidays) or a union (members). */
  record CalendarRequest(
      @Size(max = 64) String name,
      CalendarKind kind,
      @Size(max = 64) String zone,
      @Size(max = 7) List<@Size(max = 16) String> workingDays,
      @Size(max = 5) String opensAt,
      @Size(max = 5) String closesAt,
      @Size(max = 20) List<@Size(max = 64) String> members,
      @Size(max = 1000) List<@Size(max = 10) String> holidays) {

    CalendarChange change() {
      return new CalendarChange(name, kind, zone, workingDays, opensAt, closesAt, members, holidays);
    }
  }

  @GetMapping
  List<StoredCalendar> all() {
    return calendars.all();
  }

  @GetMapping("/{id}")
  StoredCalendar one(@PathVariable long id) {
    return calendars.get(id);
  }

  @PostMapping
  ResponseEntity<StoredCalendar> create(@Valid @RequestBody CalendarRequest request) {
    StoredCalendar created = calendars.create(request.change(), actor.name());
    return ResponseEntity.created(URI.create("/api/calendars/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  StoredCalendar update(@PathVariable long id, @Valid @RequestBody CalendarRequest request) {
    return calendars.update(id, request.change(), actor.name());
  }

  @PostMapping(path = "/{id}/holidays", consumes = "text/calendar")
  StoredCalendar importHolidays(@PathVariable long id, @RequestBody byte[] file) {
    if (file.length > MAX_FILE_BYTES) {
      throw new CalendarException("file", "must be at most " + MAX_FILE_BYTES + " bytes");
    }
    calendars.get(id); // 404 before parsing
    return calendars.addHolidays(id, iCalendar.parse(new ByteArrayInputStream(file)), actor.name());
  }

  @PostMapping(path = "/{id}/holidays", consumes = "application/json")
  StoredCalendar addHolidays(@PathVariable long id, @RequestBody List<String> dates) {
    calendars.get(id);
    return calendars.addHolidays(id, calendars.dates(dates), actor.name());
  }

  @ExceptionHandler(CalendarException.class)
  ProblemDetail refused(CalendarException e) {
    return Problems.invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(CalendarNotFound.class)
  ResponseEntity<ProblemDetail> notFound(CalendarNotFound e) {
    return Problems.response(HttpStatus.NOT_FOUND, "Calendar not found", e.getMessage());
  }
}
