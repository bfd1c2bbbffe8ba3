package dev.escalation.app.digest;

import dev.escalation.app.metrics.EscalationMetrics;
import dev.escalation.app.metrics.RecurringIssues;
import dev.escalation.app.metrics.SatisfactionMetrics;
import dev.escalation.app.overrides.Override;
import dev.escalation.app.overrides.OverrideQueries;
import dev.escalation.app.reports.ReportWindow;
import dev.escalation.app.reports.SlaCompliance;
import dev.escalation.workers.ticket.Durations;
import dev.escalation.workers.ticket.TicketProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The digest's text for one week: volume and rates (M1-M4) and satisfaction (M5) of the tickets opened that
 * week, recurring issues (review root causes answered that week, the categories and criteria rules with the
 * most escalated tickets), and the week's rule overrides by rule and by reason (M7). SLA compliance (M9) is
 * not part of it on this branch.
 */
@Component
class WeeklyDigestMail {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final int TOP = 3;

  private final EscalationMetrics metrics;
  private final SatisfactionMetrics satisfaction;
  private final RecurringIssues issues;
  private final OverrideQueries overrides;
  private final SlaCompliance compliance;
  private final ZoneId zone;

  WeeklyDigestMail(EscalationMetrics metrics, SatisfactionMetrics satisfaction, RecurringIssues issues, OverrideQueries overrides,
      SlaCompliance compliance, TicketProperties tickets) {
    this.compliance = compliance;
    this.metrics = metrics;
    this.satisfaction = satisfaction;
    this.issues = issues;
    this.overrides = overrides;
    this.zone = ZoneId.of(tickets.zone());
  }

  String subject(LocalDate weekStart) {
    return "Weekly escalation digest: week of " + DAY.format(weekStart);
  }

  String body(LocalDate weekStart) {
    Instant from = weekStart.atStartOfDay(zone).toInstant();
    Instant to = weekStart.plusWeeks(1).atStartOfDay(zone).toInstant();
    EscalationMetrics.Report m = metrics.compute(from, to);
    SatisfactionMetrics.Figures s = satisfaction.compute(from, to).overall();
    List<Override> week = overrides.list(OverrideQueries.Filter.between(from, to));

    StringBuilder t = new StringBuilder();
    t.append("Week of ").append(DAY.format(weekStart)).append(" to ").append(DAY.format(weekStart.plusDays(6))).append(" (").append(zone)
        .append(")\n\n");
    t.append("Volume and rates (tickets opened this week)\n");
    t.append("- Tickets opened: ").append(m.escalationRate().ticketsOpened()).append(", escalated: ")
        .append(m.escalationRate().ticketsEscalated()).append(" (M1 escalation rate ").append(percent(m.escalationRate().rate()))
        .append(", threshold ").append(percent(m.escalationRate().alertThreshold())).append(")\n");
    t.append("- M2 time to escalation: average ").append(duration(m.timeToEscalation().averageSeconds())).append(", median ")
        .append(duration(m.timeToEscalation().p50Seconds())).append(", 90th percentile ").append(duration(m.timeToEscalation().p90Seconds()))
        .append('\n');
    t.append("- M3 re-escalation: ").append(m.reescalation().resolvedOrClosedReopened()).append(" of ")
        .append(m.reescalation().resolvedOrClosed()).append(" resolved tickets reopened (").append(percent(m.reescalation().rate()))
        .append("), ").append(m.reescalation().reopenedEscalatedAgain()).append(" escalated again\n");
    t.append("- M4 resolution time by tier: ").append(m.resolutionTimeByTier().isEmpty() ? "-" : m.resolutionTimeByTier().stream()
        .map(r -> "tier " + r.tier() + " " + duration(r.averageSeconds()) + " (" + r.resolvedTickets() + ")")
        .collect(Collectors.joining(", "))).append('\n');
    t.append("- M4 escalation response time: average ").append(duration(m.escalationResponse().averageSeconds())).append(" (")
        .append(m.escalationResponse().answered()).append(" of ").append(m.escalationResponse().handoffs()).append(" handoffs answered)\n\n");

    SlaCompliance.Group sla = compliance.compute(new ReportWindow(from, to), SlaCompliance.Dimension.PRIORITY).total();
    t.append("SLA compliance (M9, clock periods started this week)\n");
    t.append("- Response: ").append(figures(sla.response())).append('\n');
    t.append("- Resolution: ").append(figures(sla.resolution())).append("\n\n");

    t.append("Satisfaction (M5)\n");
    t.append("- Surveys sent: ").append(s.surveysSent()).append(", answered: ").append(s.answered()).append(" (")
        .append(percent(s.responseRate())).append("), average rating: ")
        .append(s.averageRating() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.averageRating())).append(" of 5, rated 2 or less: ")
        .append(s.lowRatings()).append("\n\n");

    t.append("Recurring issues\n");
    t.append("- Review root causes: ").append(list(issues.reviewRootCauses(from, to), r -> r.rootCause() + " " + r.reviews())).append('\n');
    t.append("- Categories with the most escalated tickets: ")
        .append(list(issues.topCategories(from, to, TOP), c -> c.category() + " " + c.escalated() + " of " + c.opened())).append('\n');
    t.append("- Criteria rules on the most escalated tickets: ")
        .append(list(issues.topRules(from, to, TOP), r -> r.ruleId() + " " + r.escalatedTickets())).append("\n\n");

    t.append("Rule overrides this week (M7): ").append(week.size()).append('\n');
    t.append("- By rule: ").append(counts(week, o -> o.rule() == null ? "other" : o.rule())).append('\n');
    t.append("- By reason: ").append(counts(week, o -> o.reason() == null ? "(none given)" : o.reason())).append('\n');
    return t.toString();
  }

  private static <T> String list(List<T> items, Function<T, String> line) {
    return items.isEmpty() ? "-" : items.stream().map(line).collect(Collectors.joining(", "));
  }

  /** Most frequent first, then alphabetically. */
  private static String counts(List<Override> week, Function<Override, String> key) {
    Map<String, Long> counted = week.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    return counted.isEmpty() ? "-" : counted.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String figures(SlaCompliance.Figures f) {
    return f.met() + " met, " + f.breached() + " breached (" + percent(f.rate()) + " met), " + f.pending() + " pending";
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String duration(Double seconds) {
    return seconds == null ? "-" : Durations.format(Duration.ofMillis(Math.round(seconds * 1000)));
  }
}
