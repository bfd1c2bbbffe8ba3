package dev.escalation.app.whatif;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.reports.ReportWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * M6 what-if: replays the inputs of every criteria evaluation stored in a window through a candidate
 * table and sets each recorded outcome beside the candidate's, with totals of what would change. The
 * evaluations are replayed in parallel on every available processor; nothing is written.
 */
@Service
public class WhatIfReplay {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final StoredEvaluations evaluations;

  /** Public so that the same replay can run against another database (the benchmark's). */
  public WhatIfReplay(JdbcClient jdbc) {
    this.evaluations = new StoredEvaluations(jdbc);
  }

  /** One replayed evaluation; {@code messageId} null for the evaluation when the ticket opened. */
  public record Replayed(long evaluationId, long ticketId, Long messageId, Instant evaluatedAt, Outcome recorded, Outcome candidate,
      boolean changed) {}

  /** How many evaluations start each tier (M6 per-tier load), recorded and with the candidate; keys are tiers. */
  public record TierLoad(Map<Integer, Long> recorded, Map<Integer, Long> candidate) {}

  /**
   * Higher and lower compare the candidate with the recorded outcome: a higher priority is a more
   * urgent one (P1 above P2); more or fewer pages and dev tasks count the evaluations that would (not)
   * page or create one where the recorded outcome did not (did).
   */
  public record Totals(long ruleChanged, long startHigher, long startLower, long priorityHigher, long priorityLower,
      long maxTierHigher, long maxTierLower, long morePages, long fewerPages, long moreDevTasks, long fewerDevTasks, long failed,
      TierLoad startingTiers) {}

  public record Result(ReportWindow window, long evaluated, long changed, Totals totals, List<Replayed> tickets) {}

  public Result replay(CriteriaTable candidate, ReportWindow window) {
    List<Replayed> replayed = evaluations.in(window).parallelStream().map(e -> replay(candidate, e)).toList();
    return new Result(window, replayed.size(), replayed.stream().filter(Replayed::changed).count(), totals(replayed), replayed);
  }

  private static Replayed replay(CriteriaTable candidate, StoredEvaluations.Stored stored) {
    Outcome recorded = Outcome.of(read(stored.outputs()));
    CriteriaTable.Evaluation evaluation = candidate.evaluate(read(stored.inputs()));
    Outcome proposed = evaluation.failure() != null ? Outcome.failed(evaluation.failure()) : Outcome.of(evaluation.outputs());
    return new Replayed(stored.id(), stored.ticketId(), stored.messageId(), stored.evaluatedAt(), recorded, proposed,
        !recorded.equals(proposed));
  }

  private static Totals totals(List<Replayed> all) {
    long ruleChanged = 0, startHigher = 0, startLower = 0, priorityHigher = 0, priorityLower = 0, maxHigher = 0, maxLower = 0;
    long morePages = 0, fewerPages = 0, moreDevTasks = 0, fewerDevTasks = 0, failed = 0;
    Map<Integer, Long> recordedTiers = new TreeMap<>();
    Map<Integer, Long> candidateTiers = new TreeMap<>();
    for (Replayed r : all) {
      Outcome was = r.recorded();
      Outcome would = r.candidate();
      if (was.startingTier() != null) {
        recordedTiers.merge(was.startingTier(), 1L, Long::sum);
      }
      if (would.error() != null) {
        failed++;
        continue;
      }
      if (would.startingTier() != null) {
        candidateTiers.merge(would.startingTier(), 1L, Long::sum);
      }
      ruleChanged += Objects.equals(was.ruleId(), would.ruleId()) ? 0 : 1;
      int start = compare(would.startingTier(), was.startingTier());
      startHigher += start > 0 ? 1 : 0;
      startLower += start < 0 ? 1 : 0;
      int urgency = compare(was.effectivePriority(), would.effectivePriority()); // "P1" sorts first and is the most urgent
      priorityHigher += urgency > 0 ? 1 : 0;
      priorityLower += urgency < 0 ? 1 : 0;
      int max = compare(would.maxTier(), was.maxTier());
      maxHigher += max > 0 ? 1 : 0;
      maxLower += max < 0 ? 1 : 0;
      morePages += would.pageManager() && !was.pageManager() ? 1 : 0;
      fewerPages += !would.pageManager() && was.pageManager() ? 1 : 0;
      moreDevTasks += would.createDevTask() && !was.createDevTask() ? 1 : 0;
      fewerDevTasks += !would.createDevTask() && was.createDevTask() ? 1 : 0;
    }
    return new Totals(ruleChanged, startHigher, startLower, priorityHigher, priorityLower, maxHigher, maxLower, morePages, fewerPages,
        moreDevTasks, fewerDevTasks, failed, new TierLoad(recordedTiers, candidateTiers));
  }

  /** Null-safe natural order; a missing value on either side compares equal (nothing to tell). */
  private static <T extends Comparable<T>> int compare(T a, T b) {
    return a == null || b == null ? 0 : Integer.signum(a.compareTo(b));
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored criteria evaluation is not a JSON object: " + json, e);
    }
  }
}
