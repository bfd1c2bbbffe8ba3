package dev.escalation.app.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The roster write API: admins only, validated, audited, coverage warnings and refusals (H1). */
@EmbeddedAppTest
class RosterApiTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private TicketApi admin;

  @BeforeEach
  void client() {
    admin = new TicketApi(port).as("admin");
  }

  @Test
  void anAdminAddsAnAgentWhoThenReceivesTickets() {
    Map<String, Object> agent8 = member("agent8", "Ada Added", "AGENT", 1, null, true);
    agent8.put("username", "agent8");
    TicketApi.Response added = admin.post("/api/roster", agent8);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.location()).endsWith("/api/roster/agent8");
    assertThat(added.body().get("member").get("role").asText()).isEqualTo("AGENT");
    assertThat(added.body().get("warnings")).isEmpty();
    assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'ROSTER_CHANGED' AND actor = 'admin' AND ticket_id IS NULL ORDER BY id DESC LIMIT 1")
        .query(String.class).single()).isEqualTo("added agent8 (Ada Added, agent8@support.local, AGENT, tier 1, available)");
    assertThat(admin.post("/api/roster", agent8).status()).isEqualTo(409);

    try {
      // the demo agents step away: the new member is the one tier 1 agent routing can pick
      for (String other : List.of("agent1", "agent2")) {
        TicketApi.Response away = admin.send("PUT", "/api/roster/" + other, demoAgent(other, false));
        assertThat(away.status()).as(away.toString()).isEqualTo(200);
      }
      long id = new TicketApi(port).as("manager1").open("P4", "OTHER", "roster-added@example.com");
      await().atMost(Duration.ofSeconds(30)).until(() -> new TicketApi(port).ticket(id).get("owner").isObject());
      assertThat(new TicketApi(port).ticket(id).get("owner").get("username").asText()).isEqualTo("agent8");
    } finally {
      admin.send("PUT", "/api/roster/agent1", demoAgent("agent1", true));
      admin.send("PUT", "/api/roster/agent2", demoAgent("agent2", true));
      admin.send("PUT", "/api/roster/agent8", member("agent8", "Ada Added", "AGENT", 1, null, false));
    }
    assertThat(jdbc.sql("SELECT available FROM roster_member WHERE username = 'agent8'").query(Boolean.class).single()).isFalse();
  }

  @Test
  void aChangeThatLeavesATierWithNobodyIsRefusedAndOneThatLeavesItToTheFallbackIsWarned() {
    try {
      TicketApi.Response techAway = admin.send("PUT", "/api/roster/tech1", member("tech1", "Theo Technical", "SPECIALIST", 2, "technical", false));
      assertThat(techAway.status()).isEqualTo(200);
      assertThat(techAway.body().get("warnings").get(0).asText())
          .isEqualTo("tier 2 technical: no available specialist in technical; its tickets go to the managers (H1 fallback)");
      assertThat(admin.send("PUT", "/api/roster/manager1", manager("manager1", "Morgan Manager", false)).status()).isEqualTo(200);

      TicketApi.Response lastManager = admin.send("PUT", "/api/roster/manager2", manager("manager2", "Mia Manager", false));
      assertThat(lastManager.status()).isEqualTo(422);
      assertThat(lastManager.body().get("rule").asText()).isEqualTo("H1");
      assertThat(lastManager.body().get("detail").asText()).isEqualTo("this change leaves nobody available to own tier 2 technical"
          + " (H1: every open ticket has an owner); make someone else available first");
      assertThat(jdbc.sql("SELECT available FROM roster_member WHERE username = 'manager2'").query(Boolean.class).single()).isTrue();
    } finally {
      admin.send("PUT", "/api/roster/manager1", manager("manager1", "Morgan Manager", true));
      admin.send("PUT", "/api/roster/tech1", member("tech1", "Theo Technical", "SPECIALIST", 2, "technical", true));
    }
  }

  @Test
  void badMembersAreA400NamingTheField() {
    Map<String, Object> specialistAtTierThree = member("x1", "X", "SPECIALIST", 3, "billing", true);
    specialistAtTierThree.put("username", "x1");
    assertField(admin.post("/api/roster", specialistAtTierThree), "tier");
    Map<String, Object> noGroup = member("x2", "X", "SPECIALIST", 2, null, true);
    noGroup.put("username", "x2");
    assertField(admin.post("/api/roster", noGroup), "skillGroup");
    Map<String, Object> unknownGroup = member("x3", "X", "SPECIALIST", 2, "payroll", true);
    unknownGroup.put("username", "x3");
    assertField(admin.post("/api/roster", unknownGroup), "skillGroup");
    Map<String, Object> anAdmin = member("x4", "X", "ADMIN", 3, null, true);
    anAdmin.put("username", "x4");
    assertField(admin.post("/api/roster", anAdmin), "role");
    assertField(admin.post("/api/roster", member("x5", "X", "AGENT", 1, null, true)), "username");
    assertField(admin.send("PUT", "/api/roster/agent1", member("agent1", "Alex Agent", "MANAGER", 3, null, true)), "role");
    assertThat(admin.send("PUT", "/api/roster/nobody", member("nobody", "N", "AGENT", 1, null, true)).status()).isEqualTo(404);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM roster_member WHERE username LIKE 'x_'").query(Long.class).single()).isZero();
  }

  @Test
  void onlyAdminsWriteTheRoster() {
    Map<String, Object> body = member("y1", "Y", "AGENT", 1, null, true);
    body.put("username", "y1");
    for (String user : List.of("agent1", "billing1", "manager1", "head1")) {
      assertThat(new TicketApi(port).as(user).post("/api/roster", body).status()).as(user).isEqualTo(403);
      assertThat(new TicketApi(port).as(user).send("PUT", "/api/roster/agent1", demoAgent("agent1", true)).status()).as(user).isEqualTo(403);
      assertThat(new TicketApi(port).as(user).get("/api/roster").status()).as(user).isEqualTo(200);
    }
    assertThat(new TicketApi(port).anonymous().post("/api/roster", body).status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM roster_member WHERE username = 'y1'").query(Long.class).single()).isZero();
  }

  private static void assertField(TicketApi.Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  private static Map<String, Object> demoAgent(String username, boolean available) {
    return member(username, username.equals("agent1") ? "Alex Agent" : "Sam Agent", "AGENT", 1, null, available);
  }

  private static Map<String, Object> manager(String username, String name, boolean available) {
    Map<String, Object> m = member(username, name, "MANAGER", 3, null, available);
    m.put("onDuty", username.equals("manager1"));
    return m;
  }

  private static Map<String, Object> member(String username, String name, String role, int tier, String group, boolean available) {
    Map<String, Object> m = new HashMap<>();
    m.put("displayName", name);
    m.put("email", username + "@support.local");
    m.put("role", role);
    m.put("tier", tier);
    m.put("skillGroup", group);
    m.put("available", available);
    m.put("onDuty", false);
    return m;
  }
}
