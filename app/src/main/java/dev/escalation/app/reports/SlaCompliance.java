package dev.escalation.app.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * M9 SLA compliance over the SLA targets ({@code sla_target}, V14) whose clock period started in a
 * window {@code [from, to)}: per group, how many response and resolution targets were met, breached,
 * are still pending (running or paused) or were superseded (a handoff or reopening started a new
 * clock period first), and the share met of those met or breached. Met and breached are what the
 * ticket's clock decided, so paused time is excluded exactly as the clock excludes it.
 */
@Service
public class SlaCompliance {
  private static final String BY_GROUP = """
      SELECT %s AS group_key,
             COALESCE(SUM(s.clock = 'RESPONSE' AND s.state = 'MET'), 0) AS response_met,
             COALESCE(SUM(s.clock = 'RESPONSE' AND s.state = 'BREACHED'), 0) AS response_breached,
             COALESCE(SUM(s.clock = 'RESPONSE' AND s.state IN ('RUNNING', 'PAUSED')), 0) AS response_pending,
             COALESCE(SUM(s.clock = 'RESPONSE' AND s.state = 'SUPERSEDED'), 0) AS response_superseded,
             COALESCE(SUM(s.clock = 'RESOLUTION' AND s.state = 'MET'), 0) AS resolution_met,
             COALESCE(SUM(s.clock = 'RESOLUTION' AND s.state = 'BREACHED'), 0) AS resolution_breached,
             COALESCE(SUM(s.clock = 'RESOLUTION' AND s.state IN ('RUNNING', 'PAUSED')), 0) AS resolution_pending,
             COALESCE(SUM(s.clock = 'RESOLUTION' AND s.state = 'SUPERSEDED'), 0) AS resolution_superseded
      FROM sla_target s
      WHERE s.started_at >= :from AND s.started_at < :to
      GROUP BY group_key
      ORDER BY group_key
      """;

  private final JdbcClient jdbc;

  SlaCompliance(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a compliance report groups by; {@code column} is the SQL expression of the group's key. */
  public enum Dimension {
    PRIORITY("s.priority"),
    TIER("CAST(s.tier AS CHAR)"),
    GROUP("s.skill_group"),
    CHANNEL("s.channel"),
    /** The Monday (UTC) of the ISO week the clock period started in. */
    WEEK("DATE_FORMAT(DATE(s.started_at) - INTERVAL WEEKDAY(s.started_at) DAY, '%Y-%m-%d')");

    private final String column;

    Dimension(String column) {
      this.column = column;
    }

    public String parameter() {
      return name().toLowerCase();
    }
  }

  /** One clock's targets in a group. {@code rate}: met / (met + breached), null when neither. */
  public record Figures(long met, long breached, long pending, long superseded, Double rate) {
    static Figures of(long met, long breached, long pending, long superseded) {
      return new Figures(met, breached, pending, superseded, met + breached == 0 ? null : (double) met / (met + breached));
    }

    Figures plus(Figures other) {
      return of(met + other.met, breached + other.breached, pending + other.pending, superseded + other.superseded);
    }
  }

  /** {@code key}: the priority, tier, group, channel or week; null for targets without one (a ticket without a group). */
  public record Group(String key, Figures response, Figures resolution) {}

  public record Report(ReportWindow window, String by, List<Group> groups, Group total) {}

  public Report compute(ReportWindow window, Dimension by) {
    List<Group> groups = jdbc.sql(BY_GROUP.formatted(by.column))
        .param("from", Timestamp.from(window.from()))
        .param("to", Timestamp.from(window.to()))
        .query((rs, n) -> new Group(rs.getString("group_key"), figures(rs, "response"), figures(rs, "resolution")))
        .list();
    Figures none = Figures.of(0, 0, 0, 0);
    Group total = new Group(null,
        groups.stream().map(Group::response).reduce(none, Figures::plus),
        groups.stream().map(Group::resolution).reduce(none, Figures::plus));
    return new Report(window, by.parameter(), groups, total);
  }

  private static Figures figures(ResultSet rs, String clock) throws SQLException {
    return Figures.of(rs.getLong(clock + "_met"), rs.getLong(clock + "_breached"), rs.getLong(clock + "_pending"),
        rs.getLong(clock + "_superseded"));
  }
}
