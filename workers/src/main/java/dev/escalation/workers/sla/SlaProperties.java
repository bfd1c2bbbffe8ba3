package dev.escalation.workers.sla;

import dev.escalation.workers.ticket.Priority;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA configuration ({@code escalation.sla.*}). Every value left unset falls back to the product
 * defaults, so {@code new SlaProperties(null, 0.75, null)} equals {@link #defaults()}.
 *
 * <p>Targets missing for a priority are taken from the defaults; a configured target replaces the
 * default as a whole (response, resolution and business-hours), it is not merged field by field.
 */
@ConfigurationProperties(prefix = "escalation.sla")
public record SlaProperties(
    Map<Priority, SlaTarget> targets,
    @DefaultValue("0.75") double warningRatio,
    CalendarProperties calendar) {

  public static final double DEFAULT_WARNING_RATIO = 0.75;

  public SlaProperties {
    if (!(warningRatio > 0 && warningRatio < 1)) {
      throw new IllegalArgumentException(
          "warningRatio must be strictly between 0 and 1: " + warningRatio);
    }
    targets = withDefaults(targets);
    calendar = calendar == null ? CalendarProperties.defaults() : calendar;
  }

  public static SlaProperties defaults() {
    return new SlaProperties(null, DEFAULT_WARNING_RATIO, null);
  }

  public static Map<Priority, SlaTarget> defaultTargets() {
    Map<Priority, SlaTarget> defaults = new EnumMap<>(Priority.class);
    defaults.put(Priority.P1, new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(4), false));
    defaults.put(Priority.P2, new SlaTarget(Duration.ofHours(1), Duration.ofHours(8), true));
    defaults.put(Priority.P3, new SlaTarget(Duration.ofHours(4), Duration.ofHours(24), true));
    defaults.put(Priority.P4, new SlaTarget(Duration.ofHours(24), Duration.ofHours(72), true));
    return Collections.unmodifiableMap(defaults);
  }

  public SlaTarget target(Priority priority) {
    if (priority == null) {
      throw new IllegalArgumentException("priority must not be null");
    }
    return targets.get(priority);
  }

  public SupportCalendar.WeeklyHours businessCalendar() {
    return calendar.toSupportCalendar();
  }

  /** The calendar the clocks of {@code priority} count in: 24/7 unless its target uses business hours. */
  public SupportCalendar calendarFor(Priority priority) {
    return target(priority).businessHours()
        ? businessCalendar()
        : SupportCalendar.twentyFourSeven();
  }

  private static Map<Priority, SlaTarget> withDefaults(Map<Priority, SlaTarget> configured) {
    Map<Priority, SlaTarget> merged = new EnumMap<>(defaultTargets());
    if (configured != null) {
      configured.forEach(
          (priority, target) -> {
            if (priority != null && target != null) {
              merged.put(priority, target);
            }
          });
    }
    return Collections.unmodifiableMap(merged);
  }

  /** Support calendar settings ({@code escalation.sla.calendar.*}); unset values use the defaults. */
  public record CalendarProperties(
      String zone,
      List<DayOfWeek> workingDays,
      LocalTime opensAt,
      LocalTime closesAt,
      List<LocalDate> holidays) {

    public static final String DEFAULT_ZONE = "Europe/Berlin";
    public static final List<DayOfWeek> DEFAULT_WORKING_DAYS =
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    public static final LocalTime DEFAULT_OPENS_AT = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_CLOSES_AT = LocalTime.of(17, 0);

    public CalendarProperties {
      zone = zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.strip();
      workingDays = workingDays == null ? DEFAULT_WORKING_DAYS : copy(workingDays, "workingDays");
      opensAt = opensAt == null ? DEFAULT_OPENS_AT : opensAt;
      closesAt = closesAt == null ? DEFAULT_CLOSES_AT : closesAt;
      holidays = holidays == null ? List.of() : copy(holidays, "holidays");
      // Fail at startup rather than on the first ticket (fields are not assigned yet here).
      supportCalendar(zone, workingDays, opensAt, closesAt, holidays);
    }

    public static CalendarProperties defaults() {
      return new CalendarProperties(null, null, null, null, null);
    }

    SupportCalendar.WeeklyHours toSupportCalendar() {
      return supportCalendar(zone, workingDays, opensAt, closesAt, holidays);
    }

    private static SupportCalendar.WeeklyHours supportCalendar(
        String zone,
        List<DayOfWeek> workingDays,
        LocalTime opensAt,
        LocalTime closesAt,
        List<LocalDate> holidays) {
      ZoneId zoneId;
      try {
        zoneId = ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("calendar.zone is not a valid time zone: " + zone, e);
      }
      try {
        return new SupportCalendar.WeeklyHours(
            zoneId, new HashSet<>(workingDays), opensAt, closesAt, new HashSet<>(holidays));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("calendar." + e.getMessage(), e);
      }
    }

    private static <T> List<T> copy(List<T> values, String name) {
      for (T value : values) {
        if (value == null) {
          throw new IllegalArgumentException("calendar." + name + " must not contain null");
        }
      }
      return List.copyOf(values);
    }
  }
}
