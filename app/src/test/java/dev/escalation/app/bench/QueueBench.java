package dev.escalation.app.bench;

import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.events.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's {@code queue} phase (W1, W4): {@code tickets} open tickets written straight to the
 * ledger with a spread of priorities, tiers, owners, channels, VIP flags, paused, breached and
 * at-risk clocks; then the first page of {@code GET /api/queue} under several filters, over HTTP as a
 * browser asks for it ({@code queries} times each, after a warm-up), and the delay from an owner
 * action's 202 to its event reaching a connected SSE client.
 */
final class QueueBench {
  static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    FILTERS.put("none", "");
    FILTERS.put("mine (agent1)", "mine=true");
    FILTERS.put("tier 2, group billing", "tier=2&group=billing");
    FILTERS.put("P1", "priority=P1");
    FILTERS.put("breached", "breached=true");
    FILTERS.put("at risk", "atRisk=true");
    FILTERS.put("waiting on customer", "status=WAITING_ON_CUSTOMER");
    FILTERS.put("whatsapp VIP", "channel=whatsapp&vip=true");
    FILTERS.put("tier 1, P2, email", "tier=1&priority=P2&channel=email");
  }

  record Result(Map<String, Double> p95ByFilter, double p95, double p50, int samples, List<Long> eventDelaysMillis) {}

  private final JdbcClient jdbc;
  private final TicketApi api;
  private final String eventsUrl;

  QueueBench(JdbcClient jdbc, TicketApi api, int port) {
    this.jdbc = jdbc;
    this.api = api;
    this.eventsUrl = "http://localhost:" + port + "/api/events";
  }

  Result run(int tickets, int queries, int events, Instant now) throws Exception {
    write(tickets, now);
    Map<String, Double> p95 = new LinkedHashMap<>();
    List<Double> all = new ArrayList<>();
    for (var filter : FILTERS.entrySet()) {
      TicketApi caller = filter.getValue().contains("mine") ? api.as("agent1") : api;
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < queries + 5; i++) {
        long start = System.nanoTime();
        TicketApi.Response page = caller.get("/api/queue?limit=25&" + filter.getValue());
        double millis = (System.nanoTime() - start) / 1e6;
        if (page.status() != 200) {
          throw new IllegalStateException("queue " + filter.getKey() + ": " + page);
        }
        if (i >= 5) {
          times.add(millis);
        }
      }
      all.addAll(times);
      p95.put(filter.getKey(), percentile(times, 0.95));
    }
    return new Result(p95, percentile(all, 0.95), percentile(all, 0.5), all.size(), eventDelays(events));
  }

  /** Open tickets in bulk (MariaDB's sequence engine), with clocks relative to {@code now}. */
  private void write(int n, Instant now) {
    try {
      insert(n, now);
    } catch (org.springframework.dao.DataAccessException e) {
      throw new IllegalStateException("writing the open tickets failed: " + e.getMostSpecificCause(), e);
    }
    jdbc.sql("ANALYZE TABLE ticket").query().listOfRows();
  }

  private void insert(int n, Instant now) {
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, customer_vip, channel, subject, description,
                            priority, category, status, tier, max_tier, owner_username,
                            response_clock, response_due_at, response_remaining_seconds, response_warning_at,
                            resolution_clock, resolution_due_at, resolution_remaining_seconds, resolution_warning_at, opened_at)
        SELECT 'Queue Bench', CONCAT('bench-queue-', s.seq, '@example.com'), 'en', s.seq % 20 = 0,
               ELT(1 + s.seq % 7, 'email', 'chat', 'whatsapp', 'telegram', 'instagram', 'phone', 'web'),
               CONCAT('Queue bench ticket ', s.seq), 'bench', CONCAT('P', 1 + s.seq % 4),
               ELT(1 + s.seq % 5, 'BILLING', 'TECHNICAL', 'ACCOUNT', 'SECURITY', 'OTHER'),
               IF(s.seq % 10 = 0, 'WAITING_ON_CUSTOMER', 'OPEN'),
               CASE WHEN s.seq % 8 < 2 THEN 1 WHEN s.seq % 8 < 5 THEN 2 ELSE 3 END, 3,
               ELT(1 + s.seq % 8, 'agent1', 'agent2', 'billing1', 'tech1', 'privacy1', 'manager1', 'manager2', 'head1'),
               CASE WHEN s.seq % 10 = 0 THEN 'PAUSED' WHEN s.seq % 20 = 1 THEN 'BREACHED' WHEN s.seq % 3 = 0 THEN 'MET' ELSE 'RUNNING' END,
               IF(s.seq % 10 = 0, NULL, TIMESTAMPADD(SECOND, CAST((s.seq * 7919) % 172800 AS SIGNED) - 3600, :now)),
               IF(s.seq % 10 = 0, (s.seq * 37) % 86400, NULL),
               IF(s.seq % 10 = 0, NULL, TIMESTAMPADD(SECOND, CAST((s.seq * 7919) % 172800 AS SIGNED) - 4500, :now)),
               IF(s.seq % 10 = 0, 'PAUSED', 'RUNNING'),
               IF(s.seq % 10 = 0, NULL, TIMESTAMPADD(SECOND, CAST((s.seq * 7919) % 172800 AS SIGNED) + 14400, :now)),
               IF(s.seq % 10 = 0, (s.seq * 41) % 172800, NULL),
               IF(s.seq % 10 = 0, NULL, TIMESTAMPADD(SECOND, CAST((s.seq * 7919) % 172800 AS SIGNED) + 10800, :now)),
               TIMESTAMPADD(DAY, -1, :now)
        FROM seq_1_to_""" + n + " s").param("now", java.sql.Timestamp.from(now)).update();
  }

  /** Owner actions on a real ticket, each measured from its 202 to its event on a connected stream. */
  private List<Long> eventDelays(int events) throws Exception {
    long id = api.open("P3", "BILLING", "bench-queue-events@example.com");
    waitUntil(Duration.ofSeconds(60), () -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    List<Long> delays = new ArrayList<>();
    try (SseClient stream = new SseClient(eventsUrl, TicketApi.basic("manager2", TicketApi.DEMO_PASSWORD))) {
      waitUntil(Duration.ofSeconds(10), () -> stream.comments().contains("connected"));
      for (int i = 0; i < events; i++) {
        int before = stream.events().size();
        TicketApi.Response attempt = api.post("/api/tickets/" + id + "/attempts", java.util.Map.of("note", "bench attempt " + i));
        Instant accepted = Instant.now();
        if (attempt.status() != 202) {
          throw new IllegalStateException("attempt: " + attempt);
        }
        waitUntil(Duration.ofSeconds(10), () -> stream.events().subList(before, stream.events().size()).stream()
            .anyMatch(e -> e.data().get("ticketId").asLong() == id && "ATTEMPT_RECORDED".equals(e.data().get("type").asText())));
        SseClient.Received event = stream.events().subList(before, stream.events().size()).stream()
            .filter(e -> e.data().get("ticketId").asLong() == id && "ATTEMPT_RECORDED".equals(e.data().get("type").asText()))
            .findFirst().orElseThrow();
        delays.add(Math.max(0, Duration.between(accepted, event.at()).toMillis()));
      }
    }
    return delays;
  }

  private static void waitUntil(Duration timeout, BooleanSupplier condition) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
  }

  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
