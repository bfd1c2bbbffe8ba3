package dev.escalation.app.alert;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** M8's SQL: the one state row (locked by the check) and the crossings. */
@Repository
class RateStateLedger {
  private final JdbcClient jdbc;

  RateStateLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the rate was above the threshold at the last check; the row stays locked until the transaction ends. */
  boolean lockAbove() {
    return jdbc.sql("SELECT above FROM escalation_rate_state WHERE id = 1 FOR UPDATE").query(Boolean.class).single();
  }

  void checked(Instant at) {
    jdbc.sql("UPDATE escalation_rate_state SET checked_at = ? WHERE id = 1").param(Timestamp.from(at)).update();
  }

  long crossed(boolean above, Instant at, Instant windowFrom, Instant windowTo, long opened, long escalated, Double rate, double threshold) {
    jdbc.sql("UPDATE escalation_rate_state SET above = ?, changed_at = ? WHERE id = 1").params(above, Timestamp.from(at)).update();
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO escalation_rate_crossing (direction, crossed_at, window_from, window_to, tickets_opened, tickets_escalated,
                                                  rate, threshold)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(above ? "ABOVE" : "BELOW", Timestamp.from(at), Timestamp.from(windowFrom), Timestamp.from(windowTo), opened, escalated,
            rate, threshold)
        .update(key, "id");
    return key.getKey().longValue();
  }
}
