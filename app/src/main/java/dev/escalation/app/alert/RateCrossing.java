package dev.escalation.app.alert;

import dev.escalation.app.metrics.RecurringIssues;
import java.time.Instant;
import java.util.List;

/**
 * M8: the escalation rate crossed its threshold, up ({@code above}) or back down, with the figures of the
 * trailing window and, going up, what contributes most.
 */
public record RateCrossing(
    long id, boolean above, Instant at, Instant windowFrom, Instant windowTo, long ticketsOpened, long ticketsEscalated, Double rate,
    double threshold, List<RecurringIssues.Category> topCategories, List<RecurringIssues.Rule> topRules) {}
