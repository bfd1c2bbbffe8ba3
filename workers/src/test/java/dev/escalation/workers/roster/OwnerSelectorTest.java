package dev.escalation.workers.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LedgerTest
class OwnerSelectorTest {
  @Autowired OwnerSelector selector;
  @Autowired RosterRepository roster;
  @Autowired TicketRepository tickets;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void roster() {
    jdbc.sql("UPDATE ticket SET owner_username = NULL").update();
    jdbc.sql("DELETE FROM roster_member").update();
    member("a1", Role.AGENT, 1, null);
    member("a2", Role.AGENT, 1, null);
    member("b1", Role.SPECIALIST, 2, "billing");
    member("m1", Role.MANAGER, 3, null);
    member("h1", Role.HEAD_OF_SUPPORT, 3, null);
  }

  private void member(String username, Role role, int tier, String group) {
    roster.save(new RosterMember(username, username.toUpperCase(), username + "@x.test", role, tier, group, true, false, null, null));
  }

  private void ownOpenTicket(String username) {
    Ticket t = Ticket.open(new Customer("C", "c@x.test", "en", false, null), "email", "s", "d", Priority.P3, Category.OTHER, 3, Instant.now());
    t.assignTo(username);
    tickets.save(t);
  }

  private void assigned(String username, Instant at) {
    roster.markAssigned(username, at);
  }

  @Test
  void theLeastLoadedAgentGetsTheTicket() {
    ownOpenTicket("a1");
    assertThat(selector.choose(1, Category.BILLING).owner().username()).isEqualTo("a2");
  }

  @Test
  void withEqualLoadItIsRoundRobinByLastAssignment() {
    assigned("a1", Instant.parse("2026-11-26T10:00:00Z"));
    assigned("a2", Instant.parse("2026-11-26T09:00:00Z"));
    assertThat(selector.choose(1, Category.OTHER).owner().username()).isEqualTo("a2");
    assigned("a2", Instant.parse("2026-11-26T11:00:00Z"));
    assertThat(selector.choose(1, Category.OTHER).owner().username()).isEqualTo("a1");
  }

  @Test
  void tierTwoGoesToTheSkillGroupOfTheCategory() {
    var choice = selector.choose(2, Category.ACCOUNT);
    assertThat(choice.owner().username()).isEqualTo("b1");
    assertThat(choice.fallback()).isFalse();
  }

  @Test
  void withNobodyAvailableAtTheTierTheManagerTakesItVisibly() {
    var choice = selector.choose(2, Category.TECHNICAL);
    assertThat(choice.owner().username()).isEqualTo("m1");
    assertThat(choice.fallback()).isTrue();
    assertThat(choice.reason()).isEqualTo("no specialist in technical available, so the tier's manager takes it");
    assertThat(selector.choose(3, Category.TECHNICAL).owner().username()).isEqualTo("m1");
  }

  @Test
  void anEmptyRosterIsAnActionableFailure() {
    jdbc.sql("UPDATE roster_member SET available = FALSE").update();
    assertThatThrownBy(() -> selector.choose(1, Category.OTHER))
        .isInstanceOf(FixableFailure.class)
        .hasMessageContaining("nobody on the roster can own tier 1 tickets")
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo()).contains("make a roster member with role AGENT"));
  }
}
