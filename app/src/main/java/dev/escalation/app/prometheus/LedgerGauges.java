package dev.escalation.app.prometheus;

import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.ticket.TicketProperties;
import dev.escalation.workers.ticket.TicketStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gauges read from MariaDB: open tickets by tier and status ({@code escalation_tickets_open}) and the
 * outbox backlog by channel ({@code escalation_outbox_backlog}). Every tier, open status and channel
 * has its series from the start (0 when there is nothing); one grouped query per kind feeds all of
 * them, at most once per {@code escalation.prometheus.gauge-max-age}.
 */
@Component
class LedgerGauges {
  static final String OPEN_TICKETS = "escalation.tickets.open";
  static final String OUTBOX_BACKLOG = "escalation.outbox.backlog";
  private static final List<TicketStatus> OPEN_STATUSES = List.of(TicketStatus.OPEN, TicketStatus.WAITING_ON_CUSTOMER);

  private final Snapshot<Map<String, Long>> openTickets;
  private final Snapshot<Map<String, Long>> backlog;

  LedgerGauges(LedgerGaugeQueries queries, MeterRegistry registry, TicketProperties tickets, PrometheusProperties properties) {
    long maxAgeNanos = properties.gaugeMaxAge().toNanos();
    this.openTickets = new Snapshot<>(queries::openTickets, maxAgeNanos);
    this.backlog = new Snapshot<>(queries::outboxBacklog, maxAgeNanos);
    for (int tier = 1; tier <= tickets.maxTier(); tier++) {
      for (TicketStatus status : OPEN_STATUSES) {
        String key = tier + "/" + status.name();
        Gauge.builder(OPEN_TICKETS, this, g -> g.openTickets.get().getOrDefault(key, 0L))
            .description("open tickets by tier and status").tag("tier", String.valueOf(tier)).tag("status", status.name())
            .register(registry);
      }
    }
    for (Channel channel : Channel.values()) {
      Gauge.builder(OUTBOX_BACKLOG, this, g -> g.backlog.get().getOrDefault(channel.name(), 0L))
          .description("notifications waiting for delivery").tag("channel", channel.name()).register(registry);
    }
  }

  /**
   * A value read at most once per max age. The age is measured on the monotonic clock: it limits
   * load on the database, it is no business time.
   */
  private static final class Snapshot<T> {
    private final java.util.function.Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    Snapshot(java.util.function.Supplier<T> read, long maxAgeNanos) {
      this.read = read;
      this.maxAgeNanos = maxAgeNanos;
    }

    synchronized T get() {
      long now = System.nanoTime();
      if (value == null || now - readAt >= maxAgeNanos) {
        value = read.get();
        readAt = now;
      }
      return value;
    }
  }
}
