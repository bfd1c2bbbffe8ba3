package dev.escalation.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.processes.TicketEscalation.Criteria;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * M6 what-if over tickets run through the real engine: the deployed table reproduces every stored
 * evaluation, and a changed table shows exactly what it changes.
 */
@EmbeddedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatIfTest {
  private static final String EVERYTHING = "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private TicketApi agent;
  private long neutral;
  private long bug;
  private long lowPriority;
  private String window;

  @BeforeAll
  void ticketsThroughTheEngine() {
    agent = new TicketApi(port).as("agent1");
    neutral = agent.open(TicketApi.ticketRequest("P3", "BILLING", "whatif-neutral@example.com"));
    bug = agent.open(TicketApi.ticketRequest("P3", "TECHNICAL", "whatif-bug@example.com", false, "Export crashes",
        "Since the last update the export crashes with error code 500 every time I click it."));
    lowPriority = agent.open(TicketApi.ticketRequest("P4", "BILLING", "whatif-low@example.com"));
    for (long id : List.of(neutral, bug, lowPriority)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> agent.ticket(id).hasNonNull("criteria"));
    }
    Instant first = evaluatedAt("MIN");
    Instant last = evaluatedAt("MAX");
    window = "from=" + first + "&to=" + last.plusMillis(1);
  }

  @Test
  void theDeployedTableReproducesEveryStoredEvaluation() throws Exception {
    JsonNode result = whatIf(deployedTable(), EVERYTHING, "manager1");
    long stored = jdbc.sql("SELECT COUNT(*) FROM criteria_evaluation").query(Long.class).single();
    assertThat(result.get("evaluated").asLong()).isEqualTo(stored);
    assertThat(result.at("/totals/failed").asLong()).isZero();
    // Other tests of the shared app write hand-made ledgers whose evaluations have empty inputs ('{}'): no
    // engine wrote them, so only the engine's own evaluations must come out the same.
    List<Long> byTheEngine = jdbc.sql("SELECT id FROM criteria_evaluation WHERE inputs <> '{}'").query(Long.class).list();
    assertThat(byTheEngine).hasSizeGreaterThanOrEqualTo(3);
    List<JsonNode> replayed = new java.util.ArrayList<>();
    result.get("tickets").forEach(r -> {
      if (byTheEngine.contains(r.get("evaluationId").asLong())) {
        replayed.add(r);
      }
    });
    assertThat(replayed).hasSize(byTheEngine.size()).allSatisfy(r -> {
      assertThat(r.get("candidate")).isEqualTo(r.get("recorded"));
      assertThat(r.at("/recorded/ruleId").isTextual()).isTrue();
    });
    assertThat(ruleOf(result, neutral)).isEqualTo("default");
    assertThat(ruleOf(result, bug)).isEqualTo("product-bug-to-technical");
    assertThat(ruleOf(result, lowPriority)).isEqualTo("low-priority-two-tiers");
  }

  @Test
  void aChangedTableShowsPerTicketWhatWouldChangeAndTheTotals() throws Exception {
    String candidate = deployedTable()
        .replace("<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>1</text>",
            "<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>2</text>")
        .replace("<outputEntry id=\"ProductBugToTechnicalCreateDevTaskEntry\">\n          <text>true</text>",
            "<outputEntry id=\"ProductBugToTechnicalCreateDevTaskEntry\">\n          <text>false</text>");
    assertThat(candidate).contains("<text>2</text>").isNotEqualTo(deployedTable());

    JsonNode result = whatIf(candidate, window, "head1");
    assertThat(result.get("evaluated").asLong()).isEqualTo(3);
    assertThat(result.get("changed").asLong()).isEqualTo(2);
    JsonNode t = result.get("totals");
    assertThat(t.get("ruleChanged").asLong()).isZero();
    assertThat(t.get("startHigher").asLong()).isEqualTo(1);
    assertThat(t.get("startLower").asLong()).isZero();
    assertThat(t.get("fewerDevTasks").asLong()).isEqualTo(1);
    assertThat(t.get("moreDevTasks").asLong()).isZero();
    assertThat(t.get("morePages").asLong() + t.get("fewerPages").asLong() + t.get("priorityHigher").asLong()
        + t.get("priorityLower").asLong() + t.get("maxTierHigher").asLong() + t.get("maxTierLower").asLong()).isZero();
    assertThat(t.at("/startingTiers/recorded/1").asLong()).isEqualTo(3);
    assertThat(t.at("/startingTiers/candidate/1").asLong()).isEqualTo(2);
    assertThat(t.at("/startingTiers/candidate/2").asLong()).isEqualTo(1);

    JsonNode neutralRow = row(result, neutral);
    assertThat(neutralRow.get("changed").asBoolean()).isTrue();
    assertThat(neutralRow.at("/recorded/startingTier").asInt()).isEqualTo(1);
    assertThat(neutralRow.at("/candidate/startingTier").asInt()).isEqualTo(2);
    assertThat(neutralRow.at("/candidate/ruleId").asText()).isEqualTo("default");
    JsonNode bugRow = row(result, bug);
    assertThat(bugRow.at("/recorded/createDevTask").asBoolean()).isTrue();
    assertThat(bugRow.at("/candidate/createDevTask").asBoolean()).isFalse();
    assertThat(row(result, lowPriority).get("changed").asBoolean()).isFalse();
  }

  @Test
  void anInvalidTableIsA400NamingThePartWithTheParsersReason() throws Exception {
    HttpResponse<String> notXml = post("this is not DMN", EVERYTHING, "manager1");
    assertThat(notXml.statusCode()).isEqualTo(400);
    JsonNode problem = new ObjectMapper().readTree(notXml.body());
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("table");
    assertThat(problem.at("/errors/0/message").asText()).contains("Failed to parse DMN");

    String badFeel = deployedTable().replace("<text>if priority = \"P1\" then \"P1\" else \"P2\"</text>", "<text>if priority = then</text>");
    HttpResponse<String> feel = post(badFeel, EVERYTHING, "manager1");
    assertThat(feel.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(feel.body()).at("/errors/0/field").asText()).isEqualTo("table");

    String otherDecision = deployedTable().replace("<decision id=\"" + Criteria.DECISION_ID + "\"", "<decision id=\"other\"");
    JsonNode noDecision = new ObjectMapper().readTree(post(otherDecision, EVERYTHING, "manager1").body());
    assertThat(noDecision.at("/errors/0/message").asText()).contains("has no decision with id 'escalation-criteria'");

    HttpResponse<String> badWindow = post(deployedTable(), "from=last-week", "manager1");
    assertThat(badWindow.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(badWindow.body()).at("/errors/0/field").asText()).isEqualTo("from");

    TicketApi.Response noPart = new TicketApi(port).as("manager1").post("/api/criteria/what-if", Map.of());
    assertThat(noPart.status()).isEqualTo(400);
    assertThat(noPart.body().at("/errors/0/field").asText()).isEqualTo("table");
  }

  @Test
  void agentsAndSpecialistsAreRefused() throws Exception {
    assertThat(post(deployedTable(), EVERYTHING, "agent1").statusCode()).isEqualTo(403);
    assertThat(post(deployedTable(), EVERYTHING, "billing1").statusCode()).isEqualTo(403);
  }

  @Test
  void theCommandLinePrintsTheTotalsAndTheChangedTickets(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("candidate.dmn");
    Files.writeString(table, deployedTable().replace("<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>1</text>",
        "<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>3</text>"));
    String[] range = window.split("&");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = WhatIfCommand.run(new String[] {"--url", "http://localhost:" + port, "--table", table.toString(), "--from",
            range[0].substring(5), "--to", range[1].substring(3)},
        Map.of("ESCALATION_API_USER", "manager1", "ESCALATION_API_PASSWORD", TicketApi.DEMO_PASSWORD),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
        .contains("evaluated 3, changed 1")
        .anySatisfy(line -> assertThat(line).startsWith("rule changed 0; start higher 1, lower 0;"))
        .contains("ticket " + neutral + " (evaluation " + evaluationOf(neutral) + "): default P3 tier 1/3 -> default P3 tier 3/3");

    int refused = WhatIfCommand.run(new String[] {"--url", "http://localhost:" + port, "--table", table.toString()},
        Map.of("ESCALATION_API_USER", "agent1", "ESCALATION_API_PASSWORD", TicketApi.DEMO_PASSWORD),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(refused).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("HTTP 403");
    assertThat(WhatIfCommand.run(new String[] {"--table"}, Map.of(), System.out, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
  }

  private long evaluationOf(long ticketId) {
    return jdbc.sql("SELECT id FROM criteria_evaluation WHERE ticket_id = ?").param(ticketId).query(Long.class).single();
  }

  /** The first or last evaluation of this class's tickets. */
  private Instant evaluatedAt(String aggregate) {
    return jdbc.sql("SELECT " + aggregate + "(evaluated_at) FROM criteria_evaluation WHERE ticket_id IN (?, ?, ?)")
        .params(neutral, bug, lowPriority).query(Timestamp.class).single().toInstant();
  }

  private static String ruleOf(JsonNode result, long ticketId) {
    return row(result, ticketId).at("/recorded/ruleId").asText();
  }

  private static JsonNode row(JsonNode result, long ticketId) {
    List<JsonNode> rows = StreamSupport.stream(result.get("tickets").spliterator(), false)
        .filter(r -> r.get("ticketId").asLong() == ticketId).toList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  static String deployedTable() throws IOException {
    try (InputStream dmn = WhatIfTest.class.getClassLoader().getResourceAsStream(Criteria.RESOURCE)) {
      return new String(dmn.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private JsonNode whatIf(String table, String query, String user) throws Exception {
    HttpResponse<String> response = post(table, query, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private HttpResponse<String> post(String table, String query, String user) throws Exception {
    String boundary = "test-boundary-7f3a";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"table\"; filename=\"escalation-criteria.dmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + table + "\r\n--" + boundary + "--\r\n";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/criteria/what-if?" + query))
        .header("Authorization", TicketApi.basic(user, TicketApi.DEMO_PASSWORD))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
