package dev.escalation.workers.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formats instants for people: "Mon 30 Nov 2026, 10:15 CET". */
@Component
public class Times {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private final ZoneId zone;

  Times(TicketProperties properties) {
    this.zone = ZoneId.of(properties.zone());
  }

  public String format(Instant instant) {
    return instant == null ? "-" : FORMAT.format(instant.atZone(zone));
  }
}
