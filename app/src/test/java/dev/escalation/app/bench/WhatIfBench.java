package dev.escalation.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.reports.ReportWindow;
import dev.escalation.app.whatif.CriteriaTable;
import dev.escalation.app.whatif.WhatIfReplay;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's what-if phase (M6): {@code evaluations} stored criteria evaluations, ten per ticket,
 * with inputs drawn from a fixed seed over every input of the table (every priority, category and
 * channel, VIPs, revenues around the 100,000 threshold, sentiment, churn, legal and bug signals,
 * weekends) and, as recorded outcome, what the deployed table decides for them. Then the replay of all
 * of them through the deployed table, timed as {@code POST /api/criteria/what-if} runs it (read, parse,
 * evaluate, compare), in a database of its own.
 */
final class WhatIfBench {
  private static final String[] PRIORITIES = {"P1", "P2", "P3", "P4"};
  private static final String[] CATEGORIES = {"BILLING", "TECHNICAL", "ACCOUNT", "SECURITY", "OTHER"};
  private static final String[] CHANNELS = {"email", "chat", "whatsapp", "telegram", "instagram"};
  private static final int PER_TICKET = 10;

  private final int evaluations;
  private final Instant end;

  WhatIfBench(int evaluations, Instant end) {
    this.evaluations = evaluations;
    this.end = end;
  }

  record Result(long evaluated, long changed, double replaySeconds, double writeSeconds) {}

  Result run(javax.sql.DataSource dataSource) throws Exception {
    JdbcClient db = JdbcClient.create(dataSource);
    long t0 = System.nanoTime();
    new org.springframework.transaction.support.TransactionTemplate(
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource)).executeWithoutResult(s -> write(db));
    long t1 = System.nanoTime();
    WhatIfReplay.Result replay = new WhatIfReplay(db).replay(CriteriaTable.deployed(), new ReportWindow(end.minus(Duration.ofDays(400)), end));
    long t2 = System.nanoTime();
    return new Result(replay.evaluated(), replay.changed(), (t2 - t1) / 1e9, (t1 - t0) / 1e9);
  }

  private void write(JdbcClient db) {
    try {
      writeTickets(db);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void writeTickets(JdbcClient db) throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    CriteriaTable deployed = CriteriaTable.deployed();
    Random random = new Random(14);
    int tickets = (evaluations + PER_TICKET - 1) / PER_TICKET;
    Instant start = end.minus(Duration.ofDays(365));
    for (int t = 0; t < tickets; t++) {
      Instant opened = start.plusSeconds((long) t * 365 * 86_400 / tickets);
      var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
      String priority = PRIORITIES[random.nextInt(4)];
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      db.sql("""
          INSERT INTO ticket (customer_name, customer_email, customer_language, channel, subject, description, priority, category,
                              status, tier, max_tier, response_clock, resolution_clock, opened_at)
          VALUES ('Bench', ?, 'en', ?, 'what-if bench', 'what-if bench', ?, ?, 'OPEN', 1, 3, 'RUNNING', 'RUNNING', ?)
          """).params("whatif-" + t + "@bench.test", channel, priority, category, Timestamp.from(opened)).update(key, "id");
      long ticketId = key.getKey().longValue();
      boolean vip = random.nextInt(10) == 0;
      BigDecimal revenue = BigDecimal.valueOf(random.nextInt(200_000));
      List<Object[]> rows = new ArrayList<>();
      for (int e = 0; e < PER_TICKET && (long) t * PER_TICKET + e < evaluations; e++) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("priority", priority);
        in.put("vip", vip);
        in.put("annualRevenue", revenue);
        in.put("sentimentScore", random.nextInt(8) == 0 ? null : Math.round((random.nextDouble() * 2 - 1) * 10_000) / 10_000.0);
        in.put("churnRisk", random.nextInt(15) == 0);
        in.put("legalRisk", random.nextInt(25) == 0);
        in.put("bugSignal", random.nextInt(8) == 0);
        in.put("category", category);
        in.put("channel", channel);
        in.put("weekend", random.nextInt(7) < 2);
        in.put("language", "en");
        String inputs = json.writeValueAsString(in);
        Map<String, Object> out = deployed.evaluate(json.readValue(inputs, Map.class)).outputs();
        rows.add(new Object[] {ticketId, e == 0 ? null : (long) e, out.get("ruleId"), out.get("reason"), inputs,
            json.writeValueAsString(out), Timestamp.from(opened.plusSeconds(60L * e))});
      }
      for (Object[] row : rows) {
        db.sql("""
            INSERT INTO criteria_evaluation (ticket_id, message_id, rule_id, reason, inputs, outputs, evaluated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).params(row).update();
      }
    }
  }
}
