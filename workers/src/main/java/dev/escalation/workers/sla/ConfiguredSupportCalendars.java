package dev.escalation.workers.sla;

import org.springframework.stereotype.Component;

/**
 * The two calendars of the default SLA policy: {@code business-hours} is the configured support
 * calendar ({@code escalation.sla.calendar.*}, T3) and {@code 24x7} counts around the clock.
 */
@Component
class ConfiguredSupportCalendars implements SupportCalendars {
  static final String BUSINESS_HOURS = "business-hours";
  static final String AROUND_THE_CLOCK = "24x7";

  private final SupportCalendar businessHours;

  ConfiguredSupportCalendars(SlaProperties properties) {
    this.businessHours = properties.businessCalendar();
  }

  @Override
  public SupportCalendar named(String name) {
    if (BUSINESS_HOURS.equals(name)) {
      return businessHours;
    }
    if (AROUND_THE_CLOCK.equals(name)) {
      return SupportCalendar.twentyFourSeven();
    }
    throw new IllegalArgumentException("no support calendar named '" + name + "' (known: " + BUSINESS_HOURS + ", "
        + AROUND_THE_CLOCK + ")");
  }
}
