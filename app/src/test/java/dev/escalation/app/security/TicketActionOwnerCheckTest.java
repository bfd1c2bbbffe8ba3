package dev.escalation.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 11: the owner check holds for every ticket action, however the id is spelled. The actions
 * are found in Spring MVC's own mappings, so an action added later is tried too (and fails here
 * until it carries {@link ActsOnTicket} and has a valid body below). Every spelling of the ticket's
 * id that a lenient number parser would read as that ticket is sent by another agent and by a
 * specialist of another group: each is refused, 403 or a 400 problem, and nothing is recorded.
 */
@EmbeddedAppTest
class TicketActionOwnerCheckTest {
  private static final String ACTIONS = "/api/tickets/{id}/";
  /** A valid body per action, so that only the owner check can refuse it. */
  private static final Map<String, Map<String, Object>> VALID_BODIES = Map.ofEntries(
      Map.entry("attempts", Map.of("note", "Checked the logs")),
      Map.entry("escalations", Map.of("type", "FUNCTIONAL", "summary", "s", "attempted", "a", "need", "n", "overrideReason", "r")),
      Map.entry("waiting-on-customer", Map.of("question", "Which card?")),
      Map.entry("customer-replies", Map.of("message", "Visa")),
      Map.entry("resolution", Map.of("summary", "Fixed")),
      Map.entry("reopen", Map.of("reason", "Again")),
      Map.entry("priority", Map.of("priority", "P2", "reason", "Only one customer affected")),
      Map.entry("internal-notes", Map.of("text", "A staff-only note")),
      Map.entry("replies", Map.of("text", "We are on it")),
      Map.entry("refund-requests", Map.of("amount", "10.00", "currency", "EUR", "reason", "Goodwill")),
      // W2/W3: agents may not grab nor reassign; a specialist of another group may not grab
      Map.entry("grab", Map.of("note", "Taking it")),
      Map.entry("reassignment", Map.of("username", "agent2", "reason", "Knows the customer")));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void everyTicketActionIsFoundAndHasAValidBodyHere() {
    assertThat(actions()).as("POST " + ACTIONS + "... actions; give each new one a valid body in VALID_BODIES")
        .containsExactlyInAnyOrderElementsOf(VALID_BODIES.keySet());
  }

  @Test
  void noSpellingOfAnotherOwnersTicketIdGetsPastTheOwnerCheck() {
    long id = api.as("agent1").open("P3", "BILLING", "owner-check@example.com");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText())
        && !api.notifications(id, "ACKNOWLEDGEMENT").isEmpty() && quiet(id));
    String owner = api.ticket(id).get("owner").get("username").asText();
    assertThat(owner).as("a tier 1 BILLING ticket goes to an agent").startsWith("agent");
    String otherAgent = owner.equals("agent1") ? "agent2" : "agent1";

    Map<String, Object> before = recorded(id);
    List<String> refused = new ArrayList<>();
    for (String action : actions()) {
      for (String spelling : spellings(id)) {
        for (String caller : List.of(otherAgent, "privacy1")) {
          String path = "/api/tickets/" + spelling + "/" + action;
          TicketApi.Response response = api.as(caller).post(path, VALID_BODIES.get(action));
          String what = "POST " + path + " as " + caller + " (ticket " + id + " owned by " + owner + ")";
          assertThat(response.status()).as(what).isIn(400, 403);
          assertThat(response.contentType()).as(what).startsWith("application/problem+json");
          assertThat(response.body().get("status").asInt()).as(what).isEqualTo(response.status());
          if (response.status() == 400) {
            assertThat(response.body().get("errors").get(0).get("field").asText()).as(what).isIn("id", "request");
          }
          refused.add(what);
        }
      }
    }
    assertThat(recorded(id)).as("nothing recorded by " + refused.size() + " refused actions").isEqualTo(before);

    // the canonical spelling reaches the owner check (403 naming the caller), and the owner may act
    TicketApi.Response plain = api.as(otherAgent).post("/api/tickets/" + id + "/attempts", VALID_BODIES.get("attempts"));
    assertThat(plain.status()).isEqualTo(403);
    assertThat(plain.body().get("detail").asText()).contains(otherAgent);
    assertThat(api.as(owner).post("/api/tickets/" + id + "/attempts", VALID_BODIES.get("attempts")).status()).isEqualTo(202);
  }

  @Test
  void aNonCanonicalIdIsA400NamingTheParameterEvenForASupervisor() {
    long id = api.open("P4", "OTHER", "canonical-ids@example.com");
    for (String spelling : List.of("+" + id, "0" + id, "%2B" + id, "0x" + Long.toHexString(id), id + ".0", id + "L",
        fullwidth(String.valueOf(id)))) {
      TicketApi.Response response = api.post("/api/tickets/" + spelling + "/attempts", VALID_BODIES.get("attempts"));
      assertThat(response.status()).as(spelling).isEqualTo(400);
      assertThat(response.body().get("title").asText()).isEqualTo("Invalid request");
      assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("id");
      assertThat(response.body().get("errors").get(0).get("message").asText()).as(spelling)
          .startsWith("must be a number in plain digits 0-9, without sign or leading zeros");
    }
    assertThat(api.get("/api/tickets/0" + id).status()).isEqualTo(400);
    assertThat(api.get("/api/tickets/" + id + "/attempts").body()).isEmpty();
  }

  /** The last path segment of every {@code POST /api/tickets/{id}/<action>} Spring MVC maps. */
  private List<String> actions() {
    TreeSet<String> actions = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> {
      if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
        info.getPatternValues().stream().filter(p -> p.startsWith(ACTIONS))
            .forEach(p -> actions.add(p.substring(ACTIONS.length())));
      }
    });
    return List.copyOf(actions);
  }

  /** Spellings of {@code id}: each one a lenient parser (Long.valueOf, Long.decode, Character.digit ...) reads as the ticket. */
  private static List<String> spellings(long id) {
    String digits = String.valueOf(id);
    String hex = Long.toHexString(id);
    return List.of(
        digits,
        "+" + digits, "%2B" + digits, "+0" + digits,
        "0" + digits, "000" + digits, "0".repeat(20 - digits.length()) + digits,
        "0" + Long.toOctalString(id),
        "%20" + digits, digits + "%20", "%09" + digits, digits + "%0A",
        "0x" + hex, "0X" + hex, "%23" + hex,
        digits + ".0", digits + "L", digits + "l", digits + "e0", digits + "_",
        digits + ";x=1",
        fullwidth(digits), shifted(digits, '\u0660'), shifted(digits, '\u0966'),
        percentEncoded(digits));
  }

  private static String fullwidth(String digits) {
    return shifted(digits, '\uFF10');
  }

  /** The same digits in another script, starting at that script's zero, percent-encoded as UTF-8. */
  private static String shifted(String digits, char zero) {
    StringBuilder text = new StringBuilder();
    digits.chars().forEach(c -> text.append((char) (zero + (c - '0'))));
    return URLEncoder.encode(text.toString(), StandardCharsets.UTF_8);
  }

  /** Every digit as %3x: the server decodes this to the canonical id, so the owner check itself must refuse it. */
  private static String percentEncoded(String digits) {
    StringBuilder text = new StringBuilder();
    digits.chars().forEach(c -> text.append('%').append(Integer.toHexString(c).toUpperCase()));
    return text.toString();
  }

  /** Every notice of the ticket sent and its delivery recorded: the process has nothing left to write for now. */
  private boolean quiet(long id) {
    long notices = jdbc.sql("SELECT COUNT(*) FROM notification WHERE ticket_id = ?").param(id).query(Long.class).single();
    long unsent = jdbc.sql("SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND status <> 'SENT'").param(id)
        .query(Long.class).single();
    long delivered = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE ticket_id = ? AND type = 'NOTIFICATION_DELIVERED'").param(id)
        .query(Long.class).single();
    return unsent == 0 && delivered == notices;
  }

  /** What an accepted action would change: the ticket's row and everything recorded about it. */
  private Map<String, Object> recorded(long id) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("ticket", jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(id).query().singleRow());
    for (String table : List.of("audit_event", "notification", "ticket_message", "resolution_attempt", "handoff_note", "escalation",
        "refund_request", "internal_note")) {
      s.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ticket_id = ?").param(id).query(Long.class).single());
    }
    s.put("timeline", api.timelineTypes(id));
    return s;
  }
}
