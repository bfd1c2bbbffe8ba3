package dev.escalation.app.reports;

import dev.escalation.app.metrics.EscalationMetrics;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * M1-M4 week by week for the dashboard: the escalation metrics ({@link EscalationMetrics}) of the
 * tickets opened in each ISO week (Monday 00:00 UTC to the next Monday), the last one the week
 * that holds {@code at}, oldest first.
 */
@Service
public class WeeklyMetrics {
  private final EscalationMetrics metrics;

  WeeklyMetrics(EscalationMetrics metrics) {
    this.metrics = metrics;
  }

  public record Week(LocalDate week, EscalationMetrics.Report metrics) {}

  public List<Week> weeks(int count, Instant at) {
    LocalDate monday = at.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Week> weeks = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      LocalDate start = monday.minusWeeks(i);
      weeks.add(new Week(start, metrics.compute(start.atStartOfDay().toInstant(ZoneOffset.UTC),
          start.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
    }
    return weeks;
  }
}
