package dev.escalation.app.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.workers.survey.Surveys;
import dev.escalation.workers.ticket.Tickets;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** M5: the survey after an escalated ticket is resolved, its signed single-use link, and the low-rating notice. */
@EmbeddedAppTest
class SurveyTest {
  private static final Pattern LINK = Pattern.compile("http://localhost:8080/survey/([0-9]+\\.[0-9]+\\.[A-Za-z0-9_-]{43})");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Surveys surveys;
  @Autowired Tickets tickets;
  @Autowired TransactionTemplate transactions;
  @Autowired MeterRegistry meters;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void anEscalatedTicketResolvedAsksOnceAndTheLinkTakesOneAnswer() throws Exception {
    long id = escalatedToTier2("survey-once@example.com");
    resolve(id, "Cleared the stuck sync job");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 1);

    JsonNode notice = api.notifications(id, "SURVEY").get(0);
    assertThat(notice.get("recipient").asText()).isEqualTo("survey-once@example.com");
    assertThat(notice.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(notice.get("subject").asText()).isEqualTo("How did we do on request #" + id + "?");
    assertThat(notice.get("body").asText()).startsWith("Hello Dana Customer,\n\nyour request #" + id + " (Invoice charged twice) is resolved.")
        .contains("Rate us from 1 to 5 with one click").contains("The link works once, until ");
    String token = token(notice);

    // the link opens a page without login, and says what it stands for
    HttpResponse<String> page = get(token, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"/survey.js\"></script>");
    assertThat(json(get(token, "application/json")).get("status").asText()).isEqualTo("OPEN");
    // a forged signature: one character changed well inside it (the last one of base64url may carry only padding bits)
    int inside = token.length() - 10;
    String forged = token.substring(0, inside) + (token.charAt(inside) == 'A' ? 'B' : 'A') + token.substring(inside + 1);
    assertThat(get(forged, "application/json").statusCode()).isEqualTo(404);

    // bad answers name the field and change nothing
    assertField(post(token, "{\"rating\": 6}"), "rating", "must be a whole number from 1 to 5");
    assertField(post(token, "{\"rating\": 4.5}"), "rating", "must be a whole number from 1 to 5");
    assertField(post(token, "{\"comment\": \"no rating\"}"), "rating", "must not be null");
    assertField(post(token, "{\"rating\": 3, \"comment\": \"a\u202eb\"}"), "comment",
        "must not contain bidirectional embedding, override or isolate characters (U+202A to U+202E, U+2066 to U+2069)");
    assertThat(answer(id)).isEqualTo(List.of());

    // the first answer counts: a low one tells the manager of the resolving tier (tier 2: the on-duty manager)
    double ratedTwoAtTier2 = ratings(2, 2);
    HttpResponse<String> first = post(token, "{\"rating\": 2, \"comment\": \"Took three days\"}");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first).get("status").asText()).isEqualTo("RECORDED");
    assertThat(answer(id)).isEqualTo(List.of("2 Took three days"));
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY_LOW_RATING").size() == 1);
    JsonNode low = api.notifications(id, "SURVEY_LOW_RATING").get(0);
    assertThat(low.get("recipient").asText()).isEqualTo("manager1@support.local");
    assertThat(low.get("subject").asText()).isEqualTo("[#" + id + "] rated 2 of 5 by the customer: Invoice charged twice");
    assertThat(low.get("body").asText()).contains("Took three days").contains("resolved at tier 2 by head1");
    assertThat(api.timelineTypes(id)).contains("SURVEY_ANSWERED");

    // a second answer changes nothing and says thanks
    HttpResponse<String> second = post(token, "{\"rating\": 5}");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("status").asText()).isEqualTo("ALREADY_ANSWERED");
    assertThat(json(second).get("rating").asInt()).isEqualTo(2);
    assertThat(answer(id)).isEqualTo(List.of("2 Took three days"));
    assertThat(api.notifications(id, "SURVEY_LOW_RATING")).hasSize(1);
    assertThat(ratings(2, 2)).as("escalation_survey_ratings_total counts the one answer").isEqualTo(ratedTwoAtTier2 + 1);

    // the resolution asks once, however often it is carried out again (a redelivered resolve job)
    transactions.executeWithoutResult(s -> surveys.askAfterResolution(tickets.get(id), "head1"));
    assertThat(api.notifications(id, "SURVEY")).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE ticket_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aForgedOrMalformedLinkIsRefusedAndNothingIsRecorded() throws Exception {
    long id = escalatedToTier2("survey-forged@example.com");
    resolve(id, "Reset the password");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 1);
    String token = token(api.notifications(id, "SURVEY").get(0));
    String[] parts = token.split("\\.");
    // another survey's id, a later expiry, a changed signature, no signature
    for (String forged : List.of((Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2],
        parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2],
        parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1),
        parts[0] + "." + parts[1], "1", "not-a-token")) {
      HttpResponse<String> refused = post(forged, "{\"rating\": 5}");
      assertThat(refused.statusCode()).as(forged).isEqualTo(404);
      assertThat(json(refused).get("title").asText()).isEqualTo("Survey link not valid");
    }
    assertThat(answer(id)).isEqualTo(List.of());
  }

  @Test
  void aReopenedTicketResolvedAgainAsksAgainAndALinkExpiresAfterSevenDays() throws Exception {
    long id = escalatedToTier2("survey-again@example.com");
    resolve(id, "First fix");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 1);
    String first = token(api.notifications(id, "SURVEY").get(0));
    assertThat(post(first, "{\"rating\": 4}").statusCode()).isEqualTo(200);

    assertThat(api.post("/api/tickets/" + id + "/reopen", Map.of("reason", "Broke again")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(api.ticket(id).get("status").asText())
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    resolve(id, "Second fix");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 2);
    String again = api.notifications(id, "SURVEY").stream().map(SurveyTest::token).filter(t -> !t.equals(first)).findFirst().orElseThrow();

    // one minute before the expiry the link still opens; at the expiry it is refused and records nothing
    api.advanceClock("P6DT23H59M");
    assertThat(json(get(again, "application/json")).get("status").asText()).isEqualTo("OPEN");
    api.advanceClock("PT1M");
    assertThat(get(again, "application/json").statusCode()).isEqualTo(410);
    HttpResponse<String> expired = post(again, "{\"rating\": 1}");
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(json(expired).get("title").asText()).isEqualTo("Survey link expired");
    assertThat(answer(id)).isEqualTo(List.of("4 null"));
  }

  @Test
  void aTicketNeverEscalatedIsNotSurveyed() {
    long id = api.open("P4", "OTHER", "survey-not-escalated@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    resolve(id, "Answered in the FAQ");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "RESOLUTION").size() == 1);
    assertThat(api.notifications(id, "SURVEY")).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE ticket_id = ?").param(id).query(Long.class).single()).isZero();
  }

  /** C2: the survey speaks the customer's language like every other notice. */
  @Test
  void aGermanCustomerIsAskedInGerman() {
    long id = escalatedToTier2(germanTicket("survey-de@example.com"));
    resolve(id, "Synchronisierung neu gestartet");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 1);
    JsonNode notice = api.notifications(id, "SURVEY").get(0);
    assertThat(notice.get("subject").asText()).isEqualTo("Wie zufrieden sind Sie mit Anfrage #" + id + "?");
    assertThat(notice.get("body").asText()).startsWith("Hallo Jonas Kunde,\n\nIhre Anfrage #" + id + " (Invoice charged twice) ist gelöst.")
        .containsPattern("\\n\\nhttp://localhost:8080/survey/\\S+\\n\\nDer Link gilt einmal, bis \\S+, \\d{1,2}\\. ");
  }

  private static Map<String, Object> germanTicket(String email) {
    Map<String, Object> request = new java.util.HashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", email));
    request.put("customer", Map.of("name", "Jonas Kunde", "email", email, "language", "de", "vip", false, "annualRevenue", 50000));
    return request;
  }

  private long escalatedToTier2(String email) {
    return escalatedToTier2(TicketApi.ticketRequest("P3", "TECHNICAL", email));
  }

  private long escalatedToTier2(Map<String, Object> request) {
    long id = api.open(request);
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.post("/api/tickets/" + id + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "Sync stuck",
        "attempted", "Restarted the client", "need", "A look at the server logs", "overrideReason", "Customer demo tomorrow"))
        .status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("tier").asInt() == 2
        && nothingInFlight(id) && api.clockStarts(id) == 2);
    return id;
  }

  private double ratings(int rating, int tier) {
    var counter = meters.find("escalation.survey.ratings").tag("rating", String.valueOf(rating)).tag("tier", String.valueOf(tier)).counter();
    return counter == null ? 0 : counter.count();
  }

  private void resolve(long id, String summary) {
    assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", summary)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "RESOLVED".equals(api.ticket(id).get("status").asText())
        && nothingInFlight(id));
  }

  private boolean nothingInFlight(long id) {
    return jdbc.sql("SELECT action_in_flight IS NULL FROM ticket WHERE id = ?").param(id).query(Boolean.class).single();
  }

  private List<String> answer(long id) {
    return jdbc.sql("SELECT CONCAT(rating, ' ', COALESCE(comment, 'null')) FROM survey WHERE ticket_id = ? AND answered_at IS NOT NULL")
        .param(id).query(String.class).list();
  }

  private static String token(JsonNode notice) {
    Matcher m = LINK.matcher(notice.get("body").asText());
    assertThat(m.find()).as(notice.get("body").asText()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> get(String token, String accept) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/" + token)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/survey/" + token))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static void assertField(HttpResponse<String> response, String field, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).isEqualTo(message);
  }
}
