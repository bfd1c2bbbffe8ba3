package dev.escalation.app.prometheus;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The two grouped counts behind the ledger gauges; both read an index only (V2/V12_1). */
@Repository
class LedgerGaugeQueries {
  private final JdbcClient jdbc;

  LedgerGaugeQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Open and waiting tickets, keyed "tier/status". */
  Map<String, Long> openTickets() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("SELECT tier, status, COUNT(*) FROM ticket WHERE status IN ('OPEN', 'WAITING_ON_CUSTOMER') GROUP BY tier, status")
        .query(rs -> {
          counts.put(rs.getInt(1) + "/" + rs.getString(2), rs.getLong(3));
        });
    return counts;
  }

  /** Notifications waiting to be delivered (PENDING, including those waiting for a retry), by channel. */
  Map<String, Long> outboxBacklog() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("SELECT channel, COUNT(*) FROM notification WHERE status = 'PENDING' GROUP BY channel")
        .query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }
}
