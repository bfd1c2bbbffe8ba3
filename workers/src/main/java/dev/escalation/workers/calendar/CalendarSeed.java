package dev.escalation.workers.calendar;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.sla.CalendarNames;
import dev.escalation.workers.sla.SlaProperties;
import dev.escalation.workers.sla.SupportCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S2: every installation has {@code business-hours} (as configured in {@code escalation.sla.calendar.*}
 * when it is first missing) and {@code 24x7}, so nothing changes for a team that never edits a
 * calendar. Runs once the schema is migrated and before any job is taken; an existing calendar is
 * never overwritten, so after the first start the database, not the properties, is the calendar.
 */
@Component
class CalendarSeed implements InitializingBean {
  private final CalendarRows rows;
  private final SlaProperties properties;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CalendarSeed(CalendarRows rows, SlaProperties properties, AuditTrail audit, TransactionTemplate transaction, Clock clock) {
    this.rows = rows;
    this.properties = properties;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    seed(CalendarNames.BUSINESS_HOURS, properties.businessCalendar(), "escalation.sla.calendar.*");
    seed(CalendarNames.TWENTY_FOUR_SEVEN, SupportCalendar.twentyFourSeven(), "around the clock");
  }

  private void seed(String name, SupportCalendar.WeeklyHours hours, String source) {
    transaction.executeWithoutResult(status -> {
      Instant now = clock.instant();
      ValidCalendar calendar = new ValidCalendar(name, CalendarKind.WEEKLY, hours.zone(), hours.workingDays(), hours.opensAt(),
          hours.closesAt(), null, List.copyOf(hours.holidays()));
      rows.insertIfAbsent(calendar, now, AuditTrail.SYSTEM).ifPresent(id -> {
        rows.addHolidays(id, hours.holidays().stream().sorted().map(d -> new Holiday(d, null)).toList());
        audit.record(null, AuditEventType.CALENDAR_CHANGED, AuditTrail.SYSTEM,
            "calendar " + name + " seeded from " + source + ": " + CalendarAdministration.describe(rows.byId(id).orElseThrow()));
      });
    });
  }
}
