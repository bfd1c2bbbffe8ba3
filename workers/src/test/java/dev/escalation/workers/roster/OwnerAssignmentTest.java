package dev.escalation.workers.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LedgerTest
class OwnerAssignmentTest {
  @Autowired OwnerAssignment assignment;
  @Autowired OnceOnly once;
  @Autowired RosterRepository roster;
  @Autowired TicketRepository tickets;
  @Autowired JdbcClient jdbc;

  /** A breach storm: many tier 2 billing tickets assigned at once to the one billing specialist. */
  @Test
  void concurrentAssignmentsToTheSameMemberAllSucceedWithoutDeadlock() throws Exception {
    roster.save(new RosterMember("storm-b1", "Storm Billing", "storm-b1@x.test", Role.SPECIALIST, 2, "billing",
        true, false, null, null));
    List<String> otherSpecialists = jdbc.sql("SELECT username FROM roster_member WHERE role = 'SPECIALIST' AND available"
        + " AND username <> 'storm-b1'").query(String.class).list();
    otherSpecialists.forEach(u -> jdbc.sql("UPDATE roster_member SET available = FALSE WHERE username = ?").param(u).update());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Ticket t = Ticket.open(new Customer("C", "c" + i + "@x.test", "en", false, null), "email", "s", "d", Priority.P1,
          Category.BILLING, 2, Instant.now());
      long id = tickets.save(t).id();
      jdbc.sql("UPDATE ticket SET tier = 2 WHERE id = ?").param(id).update();
      ids.add(id);
    }

    var pool = Executors.newFixedThreadPool(8);
    List<Future<Map<String, Object>>> results = new ArrayList<>();
    try {
      for (long id : ids) {
        Callable<Map<String, Object>> job = () -> once.run(90_000 + id, "assign-owner", id,
            () -> Map.of("owner", assignment.assign(id, 90_000 + id).username()));
        results.add(pool.submit(job));
      }
      for (Future<Map<String, Object>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).containsEntry("owner", "storm-b1");
      }
    } finally {
      pool.shutdownNow();
      otherSpecialists.forEach(u -> jdbc.sql("UPDATE roster_member SET available = TRUE WHERE username = ?").param(u).update());
      jdbc.sql("UPDATE roster_member SET available = FALSE WHERE username = 'storm-b1'").update();
    }
    assertThat(ids).allSatisfy(id -> assertThat(tickets.findById(id).orElseThrow().ownerUsername()).isEqualTo("storm-b1"));
    assertThat(roster.findById("storm-b1").orElseThrow().lastAssignedAt()).isNotNull();
  }
}
