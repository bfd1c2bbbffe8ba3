package dev.escalation.app.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * M5 satisfaction: the customer surveys of the tickets opened in a window {@code [from, to)} (the cohort
 * M1-M4 count), overall and by the resolving tier, the ticket's group, its last escalation's type
 * ({@code NONE} when surveys go to every resolution and it was never escalated) and its channel. A ticket
 * resolved twice has two surveys. Ratings of {@value dev.escalation.workers.survey.Surveys#LOW_RATING} or
 * less count as low.
 */
@Service
public class SatisfactionMetrics {
  private static final String FIGURES = """
      COUNT(*) AS sent, COUNT(s.answered_at) AS answered, AVG(s.rating) AS average,
      COALESCE(SUM(s.rating <= 2), 0) AS low,
      COALESCE(SUM(s.rating = 1), 0) AS r1, COALESCE(SUM(s.rating = 2), 0) AS r2, COALESCE(SUM(s.rating = 3), 0) AS r3,
      COALESCE(SUM(s.rating = 4), 0) AS r4, COALESCE(SUM(s.rating = 5), 0) AS r5
      """;
  private static final String WINDOW = " FROM survey s WHERE s.ticket_opened_at >= :from AND s.ticket_opened_at < :to";

  /** The columns a breakdown may group by (never text from a request). */
  private enum By {
    TIER("s.resolved_tier"), GROUP("COALESCE(s.skill_group, 'none')"), ESCALATION_TYPE("s.escalation_type"), CHANNEL("s.channel");

    final String column;

    By(String column) {
      this.column = column;
    }
  }

  private final JdbcClient jdbc;

  public SatisfactionMetrics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code ratings}: how many answers gave 1, 2, 3, 4 and 5; {@code responseRate} and {@code averageRating}
   * are null when nothing was sent or answered.
   */
  public record Figures(long surveysSent, long answered, Double responseRate, Double averageRating, long lowRatings, List<Long> ratings) {}

  /** One value of a breakdown (a tier number, a group, an escalation type or a channel) and its figures. */
  public record Share(String key, Figures figures) {}

  public record Satisfaction(Figures overall, List<Share> byTier, List<Share> byGroup, List<Share> byEscalationType, List<Share> byChannel) {}

  public Satisfaction compute(Instant from, Instant to) {
    Timestamp f = Timestamp.from(from);
    Timestamp t = Timestamp.from(to);
    Figures overall = jdbc.sql("SELECT " + FIGURES + WINDOW).param("from", f).param("to", t)
        .query((rs, n) -> figures(rs)).single();
    return new Satisfaction(overall, by(By.TIER, f, t), by(By.GROUP, f, t), by(By.ESCALATION_TYPE, f, t), by(By.CHANNEL, f, t));
  }

  private List<Share> by(By by, Timestamp from, Timestamp to) {
    return jdbc.sql("SELECT " + by.column + " AS k, " + FIGURES + WINDOW + " GROUP BY k ORDER BY k")
        .param("from", from).param("to", to)
        .query((rs, n) -> new Share(rs.getString("k"), figures(rs))).list();
  }

  private static Figures figures(ResultSet rs) throws SQLException {
    long sent = rs.getLong("sent");
    long answered = rs.getLong("answered");
    BigDecimal average = rs.getBigDecimal("average");
    return new Figures(sent, answered, sent == 0 ? null : (double) answered / sent, average == null ? null : average.doubleValue(),
        rs.getLong("low"), List.of(rs.getLong("r1"), rs.getLong("r2"), rs.getLong("r3"), rs.getLong("r4"), rs.getLong("r5")));
  }
}
