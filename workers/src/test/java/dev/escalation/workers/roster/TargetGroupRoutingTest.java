package dev.escalation.workers.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** T5: the target group of the matched criteria replaces the category's group at tier 2, and only there. */
@LedgerTest
class TargetGroupRoutingTest {
  @Autowired OwnerSelector selector;
  @Autowired RosterRepository roster;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void roster() {
    jdbc.sql("UPDATE ticket SET owner_username = NULL").update();
    jdbc.sql("DELETE FROM roster_member").update();
    for (var m : new String[][] {{"a1", "AGENT", "1", null}, {"b1", "SPECIALIST", "2", "billing"},
        {"t1", "SPECIALIST", "2", "technical"}, {"p1", "SPECIALIST", "2", "security-privacy"}, {"m1", "MANAGER", "3", null}}) {
      roster.save(new RosterMember(m[0], m[0], m[0] + "@x.test", Role.valueOf(m[1]), Integer.parseInt(m[2]), m[3], true, false, null, null));
    }
  }

  @Test
  void theCriteriaGroupWinsAtTierTwo() {
    assertThat(selector.choose(2, Category.BILLING, "technical").owner().username()).isEqualTo("t1");
    assertThat(selector.choose(2, Category.BILLING, "security-privacy").owner().username()).isEqualTo("p1");
    assertThat(selector.choose(2, Category.BILLING, null).owner().username()).isEqualTo("b1");
  }

  @Test
  void otherTiersIgnoreIt() {
    assertThat(selector.choose(1, Category.BILLING, "technical").owner().username()).isEqualTo("a1");
    assertThat(selector.choose(3, Category.BILLING, "technical").owner().username()).isEqualTo("m1");
  }
}
