package dev.escalation.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** S2 through the API: who may read and change calendars, problems naming the field, holiday import, the audit trail. */
@EmbeddedAppTest
class CalendarsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NOT_ADMINS = List.of("agent1", "privacy1", "manager1", "head1");
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private static Map<String, Object> weekly(String name) {
    return Map.of("name", name, "kind", "WEEKLY", "zone", "Europe/Berlin",
        "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "opensAt", "09:00", "closesAt", "17:00");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void everyoneSignedInReadsTheSeededCalendars() {
    for (String user : List.of("agent1", "privacy1", "manager1", "head1", "admin")) {
      TicketApi.Response response = new TicketApi(port).as(user).get("/api/calendars");
      assertThat(response.status()).as(user).isEqualTo(200);
      List<String> names = new ArrayList<>();
      response.body().forEach(c -> names.add(c.get("name").asText()));
      assertThat(names).as(user).contains("business-hours", "24x7");
    }
    JsonNode businessHours = findByName(new TicketApi(port).get("/api/calendars").body(), "business-hours");
    assertThat(businessHours.get("zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(businessHours.get("opensAt").asText()).isEqualTo("09:00");
    assertThat(businessHours.get("closesAt").asText()).isEqualTo("17:00");
    assertThat(new TicketApi(port).anonymous().get("/api/calendars").status()).isEqualTo(401);
  }

  @Test
  void onlyAdminsCreateChangeAndAddHolidays() {
    String name = unique("team");
    for (String user : NOT_ADMINS) {
      TicketApi caller = new TicketApi(port).as(user);
      assertThat(caller.post("/api/calendars", weekly(name)).status()).as(user).isEqualTo(403);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM support_calendar WHERE name = ?").param(name).query(Long.class).single()).isZero();

    TicketApi admin = new TicketApi(port).as("admin");
    TicketApi.Response created = admin.post("/api/calendars", weekly(name));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.location()).endsWith("/api/calendars/" + id);
    assertThat(created.body().get("updatedBy").asText()).isEqualTo("admin");

    Map<String, Object> change = Map.of("zone", "America/New_York", "workingDays", List.of("MONDAY"), "opensAt", "08:00",
        "closesAt", "24:00");
    for (String user : NOT_ADMINS) {
      TicketApi caller = new TicketApi(port).as(user);
      assertThat(caller.send("PUT", "/api/calendars/" + id, change).status()).as(user).isEqualTo(403);
      assertThat(caller.post("/api/calendars/" + id + "/holidays", List.of("2027-12-24")).status()).as(user).isEqualTo(403);
    }
    TicketApi.Response updated = admin.send("PUT", "/api/calendars/" + id, change);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("zone").asText()).isEqualTo("America/New_York");
    assertThat(updated.body().get("closesAt").asText()).isEqualTo("24:00");

    TicketApi.Response holidays = admin.post("/api/calendars/" + id + "/holidays", List.of("2027-12-24", "2027-12-31"));
    assertThat(holidays.status()).isEqualTo(200);
    assertThat(holidays.body().get("holidays").findValuesAsText("date")).containsExactly("2027-12-24", "2027-12-31");

    assertThat(jdbc.sql("SELECT actor, detail FROM audit_event WHERE type = 'CALENDAR_CHANGED' AND ticket_id IS NULL AND detail LIKE ?"
            + " ORDER BY id").param("calendar " + name + " %").query((rs, n) -> rs.getString(1) + ": " + rs.getString(2)).list())
        .containsExactly(
            "admin: calendar " + name + " created: Europe/Berlin MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00, 0 holidays",
            "admin: calendar " + name + " changed from Europe/Berlin MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00-17:00, 0 holidays"
                + " to America/New_York MONDAY 08:00-24:00, 0 holidays",
            "admin: calendar " + name + " holidays: 2 of 2 added (2027-12-24 to 2027-12-31)");
  }

  @Test
  void anICalendarFileAddsItsHolidays() throws Exception {
    TicketApi admin = new TicketApi(port).as("admin");
    long id = admin.post("/api/calendars", weekly(unique("ics"))).body().get("id").asLong();
    byte[] file;
    try (InputStream in = getClass().getResourceAsStream("/calendars/holidays-2027.ics")) {
      file = in.readAllBytes();
    }
    HttpResponse<String> response = upload(id, file, "admin");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode holidays = JSON.readTree(response.body()).get("holidays");
    assertThat(holidays.findValuesAsText("date")).containsExactly("2027-10-03", "2027-12-24", "2027-12-25", "2027-12-26", "2028-01-01");
    assertThat(holidays.findValuesAsText("name")).containsExactly("Tag der Deutschen Einheit", "Christmas", "Christmas", "Christmas",
        "New Year");

    assertThat(upload(id, file, "manager1").statusCode()).isEqualTo(403);
    HttpResponse<String> notACalendar = upload(id, "hello".getBytes(), "admin");
    assertThat(notACalendar.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notACalendar.body()).get("errors").get(0).get("field").asText()).isEqualTo("file");
  }

  @Test
  void badInputIsA400NamingTheField() {
    TicketApi admin = new TicketApi(port).as("admin");
    String existing = unique("member");
    long id = admin.post("/api/calendars", weekly(existing)).body().get("id").asLong();
    assertField(admin.post("/api/calendars", Map.of("name", "Not OK", "kind", "WEEKLY")), "name");
    assertField(admin.post("/api/calendars", Map.of("name", unique("k"))), "kind");
    assertField(admin.post("/api/calendars", Map.of("name", unique("z"), "kind", "WEEKLY", "zone", "Nowhere/Town",
        "workingDays", List.of("MONDAY"), "opensAt", "09:00", "closesAt", "17:00")), "zone");
    assertField(admin.post("/api/calendars", Map.of("name", unique("d"), "kind", "WEEKLY", "zone", "UTC",
        "workingDays", List.of("MONDAY", "monday"), "opensAt", "09:00", "closesAt", "17:00")), "workingDays[1]");
    assertField(admin.post("/api/calendars", Map.of("name", unique("h"), "kind", "WEEKLY", "zone", "UTC",
        "workingDays", List.of("MONDAY"), "opensAt", "18:00", "closesAt", "17:00")), "closesAt");
    assertField(admin.post("/api/calendars", Map.of("name", unique("u"), "kind", "UNION", "members", List.of(existing, "ghost"))),
        "members[1]");
    assertField(admin.send("PUT", "/api/calendars/" + id, Map.of("name", "other-name")), "name");
    assertField(admin.post("/api/calendars/" + id + "/holidays", List.of("2027-12-24", "24.12.2027")), "dates[1]");
    assertField(admin.post("/api/calendars/" + id + "/holidays", List.of()), "holidays");
    assertThat(admin.get("/api/calendars/" + id).body().get("holidays")).isEmpty();
  }

  private static void assertField(TicketApi.Response response, String field) {
    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().get("errors").get(0).get("field").asText()).as(String.valueOf(response.body())).isEqualTo(field);
  }

  private HttpResponse<String> upload(long id, byte[] file, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/calendars/" + id + "/holidays"))
            .header("Authorization", TicketApi.basic(user, TicketApi.DEMO_PASSWORD)).header("Content-Type", "text/calendar")
            .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode findByName(JsonNode calendars, String name) {
    for (JsonNode calendar : calendars) {
      if (calendar.get("name").asText().equals(name)) {
        return calendar;
      }
    }
    throw new AssertionError("no calendar " + name + " in " + calendars);
  }
}
