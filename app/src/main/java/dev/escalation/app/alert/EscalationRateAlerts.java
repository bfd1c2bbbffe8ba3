package dev.escalation.app.alert;

import dev.escalation.app.metrics.EscalationMetrics;
import dev.escalation.app.metrics.MetricsProperties;
import dev.escalation.app.metrics.RecurringIssues;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * M8: checks the escalation rate (M1) over the trailing window on a schedule and tells the managers once
 * when it crosses above the threshold; falling back to or below it is recorded; nothing repeats while it
 * stays on one side. Whether it was above is a database row, locked while a check runs, so with several
 * replicas checking at once exactly one of them sees a crossing.
 */
@Component
public class EscalationRateAlerts {
  private final EscalationMetrics metrics;
  private final MetricsProperties thresholds;
  private final RecurringIssues issues;
  private final RateStateLedger state;
  private final Managers managers;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final ObjectProvider<RateCrossingAnnouncer> announcers;
  private final AlertProperties properties;
  private final Times times;
  private final Clock clock;
  private final TransactionTemplate transactions;

  EscalationRateAlerts(EscalationMetrics metrics, MetricsProperties thresholds, RecurringIssues issues, RateStateLedger state,
      Managers managers, Outbox outbox, AuditTrail audit, ObjectProvider<RateCrossingAnnouncer> announcers, AlertProperties properties,
      Times times, Clock clock, PlatformTransactionManager transactionManager) {
    this.metrics = metrics;
    this.thresholds = thresholds;
    this.issues = issues;
    this.state = state;
    this.managers = managers;
    this.outbox = outbox;
    this.audit = audit;
    this.announcers = announcers;
    this.properties = properties;
    this.times = times;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${escalation.alerts.check-interval:PT15M}", initialDelayString = "${escalation.alerts.check-interval:PT15M}")
  void onSchedule() {
    if (properties.enabled()) {
      check(clock.instant());
    }
  }

  /** The rate over the window ending at {@code now}; the crossing, if this check saw one. */
  public Optional<RateCrossing> check(Instant now) {
    return transactions.execute(status -> {
      boolean wasAbove = state.lockAbove();
      Instant from = now.minus(properties.window());
      EscalationMetrics.EscalationRate rate = metrics.compute(from, now).escalationRate();
      boolean above = rate.rate() != null && rate.rate() > thresholds.alertThreshold();
      state.checked(now);
      if (above == wasAbove) {
        return Optional.<RateCrossing>empty();
      }
      long id = state.crossed(above, now, from, now, rate.ticketsOpened(), rate.ticketsEscalated(), rate.rate(), thresholds.alertThreshold());
      RateCrossing crossing = new RateCrossing(id, above, now, from, now, rate.ticketsOpened(), rate.ticketsEscalated(), rate.rate(),
          thresholds.alertThreshold(), above ? issues.topCategories(from, now, properties.contributors()) : List.of(),
          above ? issues.topRules(from, now, properties.contributors()) : List.of());
      audit.record(null, above ? AuditEventType.ESCALATION_RATE_ABOVE : AuditEventType.ESCALATION_RATE_BELOW, AuditTrail.SYSTEM,
          "M8: " + summary(crossing) + (above ? "; the managers are told" : "; recorded"));
      if (above) {
        for (RosterMember manager : managers.all()) {
          outbox.enqueue(new Outbox.Message("ESCALATION_RATE_ALERT:" + id + ":" + manager.username(), null, NotificationKind.ESCALATION_RATE_ALERT,
              manager.email(), manager.displayName(), Channel.EMAIL, subject(crossing), "Hello " + manager.displayName() + ",\n\n" + body(crossing)));
        }
        announcers.orderedStream().forEach(announcer -> announcer.crossedAbove(crossing));
      }
      return Optional.of(crossing);
    });
  }

  static String subject(RateCrossing c) {
    return "Escalation rate " + percent(c.rate()) + " is above the " + percent(c.threshold()) + " threshold";
  }

  private String summary(RateCrossing c) {
    return "escalation rate " + (c.rate() == null ? "-" : percent(c.rate())) + " (" + c.ticketsEscalated() + " of " + c.ticketsOpened()
        + " tickets opened in the last " + Durations.format(properties.window()) + ") is " + (c.above() ? "above" : "no longer above")
        + " the threshold of " + percent(c.threshold());
  }

  String body(RateCrossing c) {
    StringBuilder text = new StringBuilder("the escalation rate rose above the threshold: ").append(c.ticketsEscalated()).append(" of ")
        .append(c.ticketsOpened()).append(" tickets opened from ").append(times.format(c.windowFrom())).append(" to ")
        .append(times.format(c.windowTo())).append(" were escalated (").append(percent(c.rate())).append("; threshold ")
        .append(percent(c.threshold())).append(").\n\nCategories with the most escalated tickets:\n");
    c.topCategories().forEach(k -> text.append("- ").append(k.category()).append(": ").append(k.escalated()).append(" of ")
        .append(k.opened()).append(" tickets escalated\n"));
    text.append("\nCriteria rules matched on the most escalated tickets:\n");
    if (c.topRules().isEmpty()) {
      text.append("- none recorded\n");
    }
    c.topRules().forEach(r -> text.append("- ").append(r.ruleId()).append(": ").append(r.escalatedTickets()).append(" tickets\n"));
    return text.append("\nYou are told once per crossing: nothing more comes while the rate stays above the threshold.").toString();
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
