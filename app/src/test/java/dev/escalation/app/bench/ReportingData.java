package dev.escalation.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of ledger for the reporting benchmark: tickets opened at an even pace up to {@code end},
 * with the escalations, handoff notes and audit trail the app would have written for them
 * (first escalations, escalations to management, reopens and re-escalations, owners' first
 * actions, resolution, closing), and the moments the app stamps on tickets and escalations (V9)
 * as it would have stamped them. Written as tab-separated files and bulk-loaded with
 * {@code LOAD DATA LOCAL INFILE}. Deterministic for a given size and end.
 */
final class ReportingData {
  private static final String[] CATEGORIES = {"BILLING", "TECHNICAL", "ACCOUNT", "SECURITY", "OTHER"};
  private static final long SECOND = 1_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final int tickets;
  private final long startMicros;
  private final long endMicros;
  private final Path dir;

  long escalations;
  long auditEvents;

  ReportingData(int tickets, Instant end, Duration span, Path dir) {
    this.tickets = tickets;
    this.endMicros = micros(end);
    this.startMicros = endMicros - span.toNanos() / 1000;
    this.dir = dir;
  }

  private record Event(long at, String type, String actor, String detail) {}

  private record Handoff(long id, String type, String cause, int from, int to, String fromOwner, String toOwner, boolean reescalation,
      long at) {}

  /** Writes ticket.tsv, handoff_note.tsv, escalation.tsv and audit_event.tsv. */
  void write() throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(20260101L);
    long slot = (endMicros - startMicros) / tickets;
    long escalationId = 0;
    long auditId = 0;
    StringBuilder line = new StringBuilder(512);
    List<Event> events = new ArrayList<>(24);
    List<Handoff> handoffs = new ArrayList<>(3);
    try (BufferedWriter ticketOut = writer("ticket.tsv");
        BufferedWriter noteOut = writer("handoff_note.tsv");
        BufferedWriter escalationOut = writer("escalation.tsv");
        BufferedWriter auditOut = writer("audit_event.tsv")) {
      for (int i = 0; i < tickets; i++) {
        long id = i + 1L;
        long opened = startMicros + i * slot + random.nextLong(Math.max(1, slot));
        double p = random.nextDouble();
        String priority = p < 0.05 ? "P1" : p < 0.25 ? "P2" : p < 0.70 ? "P3" : "P4";
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String email = "customer" + (id % 50_000) + "@example.com";
        String agent = random.nextBoolean() ? "agent1" : "agent2";
        String specialist = switch (category) {
          case "BILLING", "ACCOUNT" -> "billing1";
          case "SECURITY" -> "privacy1";
          default -> "tech1";
        };
        String manager = random.nextInt(4) == 0 ? "manager2" : "manager1";
        events.clear();
        handoffs.clear();
        events.add(new Event(opened, "TICKET_OPENED", email, priority + " " + category + " ticket via email: Checkout fails"));
        events.add(new Event(opened + 300_000, "OWNER_ASSIGNED", "system", agent + " owns the ticket at tier 1: least loaded agent"));
        events.add(new Event(opened + 400_000, "SLA_CLOCKS_STARTED", "system", priority + " at tier 1: response and resolution due"));
        events.add(new Event(opened + 600_000, "CUSTOMER_NOTIFIED", "system", "ACKNOWLEDGEMENT to the customer by EMAIL"));

        int tier = 1;
        String owner = agent;
        long arrived = opened;
        int escalationCount = 0;
        int reescalationCount = 0;
        // tier 1: the agent's first attempt, then maybe a breach and escalation to the specialists
        long firstAction = opened + exp(random, "P1".equals(priority) ? 8 * MINUTE : 40 * MINUTE);
        boolean escalate = random.nextDouble() < ("P1".equals(priority) ? 0.45 : 0.20);
        long e1 = opened + exp(random, "P1".equals(priority) ? 20 * MINUTE : 3 * HOUR);
        if (!escalate || firstAction < e1) {
          events.add(new Event(firstAction, "ATTEMPT_RECORDED", agent, "Tier 1: asked for logs and retried"));
        }
        if (escalate && e1 < endMicros) {
          escalationId++;
          escalationCount++;
          handoffs.add(new Handoff(escalationId, "FUNCTIONAL", firstAction < e1 ? "MANUAL" : "RESPONSE_SLA_BREACHED", 1, 2, agent, specialist,
              false, e1));
          escalationEvents(events, random, e1, 1, 2, specialist, priority);
          tier = 2;
          owner = specialist;
          arrived = e1;
          long e2 = e1 + exp(random, 4 * HOUR);
          if (random.nextDouble() < 0.15 && e2 < endMicros) {
            escalationId++;
            escalationCount++;
            handoffs.add(new Handoff(escalationId, "HIERARCHICAL", "RESOLUTION_SLA_BREACHED", 2, 3, specialist, manager, false, e2));
            escalationEvents(events, random, e2, 2, 3, manager, priority);
            tier = 3;
            owner = manager;
            arrived = e2;
          }
        }
        long resolved = arrived + exp(random, 5 * HOUR);
        Long resolvedAt = null;
        Long closedAt = null;
        String status;
        if (resolved >= endMicros) {
          status = random.nextInt(10) == 0 ? "WAITING_ON_CUSTOMER" : "OPEN";
        } else {
          events.add(new Event(resolved, "RESOLVED", owner, "Resolved at tier " + tier + ": fixed the payment routing"));
          long finalResolution = resolved;
          boolean stillOpen = false;
          if (random.nextDouble() < 0.06) { // reopened within the window
            long reopened = resolved + exp(random, DAY);
            if (reopened < Math.min(resolved + 7 * DAY, endMicros)) {
              reescalationCount = 1;
              events.add(new Event(reopened, "REOPENED", email, "Reopened to " + owner + " at tier " + tier + " (re-escalation 1)"));
              long next = reopened + exp(random, 4 * HOUR);
              long e3 = reopened + exp(random, 2 * HOUR);
              if (tier < 3 && random.nextDouble() < 0.3 && e3 < endMicros) { // and escalated again
                String to = tier == 1 ? specialist : manager;
                escalationId++;
                escalationCount++;
                handoffs.add(new Handoff(escalationId, tier == 1 ? "FUNCTIONAL" : "HIERARCHICAL", "RESPONSE_SLA_BREACHED", tier, tier + 1,
                    owner, to, true, e3));
                escalationEvents(events, random, e3, tier, tier + 1, to, priority);
                tier++;
                owner = to;
                next = e3 + exp(random, 5 * HOUR);
              }
              if (next < endMicros) {
                events.add(new Event(next, "RESOLVED", owner, "Resolved at tier " + tier + " after the reopen"));
                finalResolution = next;
              } else {
                stillOpen = true;
              }
            }
          }
          if (stillOpen) {
            status = "OPEN";
          } else {
            resolvedAt = finalResolution;
            if (finalResolution + 7 * DAY < endMicros) {
              status = "CLOSED";
              closedAt = finalResolution + 7 * DAY;
              events.add(new Event(closedAt, "CLOSED", "system", "Closed: not reopened within 7 d of resolution"));
            } else {
              status = "RESOLVED";
            }
          }
        }

        line.setLength(0);
        line.append(id).append('\t').append(0).append('\t').append("Customer ").append(id % 50_000).append('\t').append(email)
            .append("\ten\t").append(random.nextInt(20) == 0 ? 1 : 0).append("\t\\N\temail\tCheckout fails with error 500\t")
            .append("Since this morning every checkout fails with error 500.\t").append(priority).append('\t').append(category)
            .append('\t').append(status).append('\t').append(tier).append("\t3\t").append(owner).append('\t')
            .append(resolvedAt == null ? "RUNNING" : "MET").append('\t');
        datetime(line, arrived + 15 * MINUTE).append("\t\\N\t").append(resolvedAt == null ? "RUNNING" : "MET").append('\t');
        datetime(line, arrived + 4 * HOUR).append("\t\\N\t").append(escalationCount + 1).append('\t').append(escalationCount)
            .append('\t').append(reescalationCount).append("\t\\N\t");
        datetime(line, opened).append('\t');
        nullableDatetime(line, resolvedAt).append('\t');
        nullableDatetime(line, closedAt).append('\t');
        nullableDatetime(line, handoffs.isEmpty() ? null : handoffs.get(0).at()).append('\t');
        nullableDatetime(line, handoffs.isEmpty() ? null : handoffs.get(handoffs.size() - 1).at()).append('\n');
        ticketOut.append(line);

        events.sort((a, b) -> Long.compare(a.at(), b.at()));
        for (int h = 0; h < handoffs.size(); h++) {
          Handoff handoff = handoffs.get(h);
          long next = h + 1 < handoffs.size() ? handoffs.get(h + 1).at() : Long.MAX_VALUE;
          writeEscalation(noteOut, escalationOut, line, id, opened, handoff, firstResponse(events, handoff, Math.min(next, endMicros)));
        }
        for (Event e : events) {
          if (e.at() >= endMicros) {
            continue;
          }
          auditId++;
          line.setLength(0);
          line.append(auditId).append('\t').append(id).append('\t');
          datetime(line, e.at()).append('\t').append(e.type()).append('\t').append(e.actor()).append('\t').append(e.detail()).append('\n');
          auditOut.append(line);
        }
      }
    }
    escalations = escalationId;
    auditEvents = auditId;
  }

  /**
   * The new owner's first action after the handoff and before {@code until} (the next handoff, or the
   * end of the data set: later events are not written), as FirstResponses stamps it; null for none.
   */
  private static Long firstResponse(List<Event> events, Handoff handoff, long until) {
    for (Event e : events) { // sorted by time
      boolean ownerAction = ("ATTEMPT_RECORDED".equals(e.type()) || "RESOLVED".equals(e.type())) && handoff.toOwner().equals(e.actor());
      if (e.at() >= handoff.at() && e.at() < until && (ownerAction || "WAITING_ON_CUSTOMER".equals(e.type()))) {
        return e.at();
      }
    }
    return null;
  }

  /** Bulk-loads the files written by {@link #write()} into an empty, migrated database. */
  void load(JdbcClient jdbc) {
    load(jdbc, "first_escalated_at, escalated_to_tier_at", "ticket_opened_at, first_response_at");
  }

  /** The same into a database migrated up to V8 only, which has no stamped moments (for V9's backfill to stamp them). */
  void loadBeforeV9(JdbcClient jdbc) {
    load(jdbc, "@first_escalated_at, @escalated_to_tier_at", "@ticket_opened_at, @first_response_at");
  }

  private void load(JdbcClient jdbc, String ticketMoments, String escalationMoments) {
    jdbc.sql("SET SESSION foreign_key_checks = 0").update();
    jdbc.sql("SET SESSION unique_checks = 0").update();
    loadFile(jdbc, "ticket", "id, version, customer_name, customer_email, customer_language, customer_vip, customer_annual_revenue, "
        + "channel, subject, description, priority, category, status, tier, max_tier, owner_username, response_clock, response_due_at, "
        + "response_remaining_seconds, resolution_clock, resolution_due_at, resolution_remaining_seconds, clock_epoch, escalation_count, "
        + "reescalation_count, process_instance_key, opened_at, resolved_at, closed_at, " + ticketMoments);
    loadFile(jdbc, "handoff_note", "id, ticket_id, author, automatic, escalation_type, summary, attempted, need, override_reason, created_at");
    loadFile(jdbc, "escalation", "id, ticket_id, handoff_note_id, escalation_type, cause, from_tier, to_tier, from_owner, to_owner, "
        + "reescalation, escalated_at, " + escalationMoments);
    loadFile(jdbc, "audit_event", "id, ticket_id, at, type, actor, detail");
    for (String table : List.of("ticket", "handoff_note", "escalation", "audit_event")) {
      jdbc.sql("ANALYZE TABLE " + table).query().listOfRows();
    }
  }

  private void loadFile(JdbcClient jdbc, String table, String columns) {
    String file = dir.resolve(table + ".tsv").toAbsolutePath().toString().replace("\\", "/");
    jdbc.sql("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + table
        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + columns + ")")
        .update();
  }

  private static void writeEscalation(BufferedWriter notes, BufferedWriter escalations, StringBuilder line, long ticketId, long opened,
      Handoff h, Long firstResponse) throws IOException {
    boolean automatic = !"MANUAL".equals(h.cause());
    line.setLength(0);
    line.append(h.id()).append('\t').append(ticketId).append('\t').append(automatic ? "system" : h.fromOwner()).append('\t')
        .append(automatic ? 1 : 0).append('\t').append(h.type()).append('\t')
        .append(automatic ? "Response SLA breached at tier " + h.from() : "Customer needs a specialist").append('\t')
        .append("tier ").append(h.from()).append(" ").append(h.fromOwner()).append(": retried the payment").append('\t')
        .append("A first response from tier ").append(h.to()).append("\t\\N\t");
    datetime(line, h.at()).append('\n');
    notes.append(line);
    line.setLength(0);
    line.append(h.id()).append('\t').append(ticketId).append('\t').append(h.id()).append('\t').append(h.type()).append('\t')
        .append(h.cause()).append('\t').append(h.from()).append('\t').append(h.to()).append('\t').append(h.fromOwner()).append('\t')
        .append(h.toOwner()).append('\t').append(h.reescalation() ? 1 : 0).append('\t');
    datetime(line, h.at()).append('\t');
    datetime(line, opened).append('\t');
    nullableDatetime(line, firstResponse).append('\n');
    escalations.append(line);
  }

  /** What the app writes around an escalation, and the new owner's first action (most answer). */
  private static void escalationEvents(List<Event> events, SplittableRandom random, long at, int from, int to, String newOwner,
      String priority) {
    events.add(new Event(at - 1000, "SLA_BREACHED", "system", "response SLA breached at tier " + from + "; escalating"));
    events.add(new Event(at, "ESCALATED", "system", "Tier " + from + " -> tier " + to + " (functional, response sla breached)"));
    events.add(new Event(at + 300_000, "OWNER_ASSIGNED", "system", newOwner + " owns the ticket at tier " + to));
    events.add(new Event(at + 400_000, "SLA_CLOCKS_STARTED", "system", priority + " at tier " + to + ": response and resolution due"));
    events.add(new Event(at + 600_000, "CUSTOMER_NOTIFIED", "system", "ESCALATION_NOTICE to the customer by EMAIL"));
    if ("P1".equals(priority)) {
      events.add(new Event(at + 700_000, "MANAGER_PAGED", "system", "PAGE to manager1 by EMAIL"));
    }
    double r = random.nextDouble();
    if (r < 0.75) {
      events.add(new Event(at + exp(random, 25 * MINUTE), "ATTEMPT_RECORDED", newOwner, "Tier " + to + ": checked the provider logs"));
    } else if (r < 0.85) {
      events.add(new Event(at + exp(random, 30 * MINUTE), "WAITING_ON_CUSTOMER", "system", "SLA clocks paused while waiting on the customer"));
    }
  }

  private static long exp(SplittableRandom random, long mean) {
    return (long) (-Math.log(1 - random.nextDouble()) * mean) + SECOND;
  }

  private BufferedWriter writer(String name) throws IOException {
    return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * SECOND + instant.getNano() / 1000;
  }

  private static StringBuilder nullableDatetime(StringBuilder out, Long micros) {
    return micros == null ? out.append("\\N") : datetime(out, micros);
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, UTC. */
  private static StringBuilder datetime(StringBuilder out, long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, SECOND), 0, ZoneOffset.UTC);
    long fraction = Math.floorMod(micros, SECOND);
    out.append(t.getYear()).append('-');
    two(out, t.getMonthValue()).append('-');
    two(out, t.getDayOfMonth()).append(' ');
    two(out, t.getHour()).append(':');
    two(out, t.getMinute()).append(':');
    two(out, t.getSecond()).append('.');
    String f = Long.toString(fraction);
    for (int i = f.length(); i < 6; i++) {
      out.append('0');
    }
    return out.append(f);
  }

  private static StringBuilder two(StringBuilder out, int value) {
    return value < 10 ? out.append('0').append(value) : out.append(value);
  }
}
