package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * N2 end to end: a P1 escalation pages the first manager in the on-call order; without an
 * acknowledgement the page repeats after the re-page interval (5 min), then goes to the next
 * manager; an acknowledgement stops it. Pages go by e-mail in embedded mode.
 */
@EmbeddedAppTest
class PagingTest {
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private List<String> pageRecipients(long ticketId) {
    List<JsonNode> pages = new ArrayList<>(api.notifications(ticketId, "PAGE"));
    pages.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
    return pages.stream().map(n -> n.get("recipient").asText()).toList();
  }

  @Test
  void theOnCallRosterIsValidated() {
    Instant now = Instant.now();
    var unknown = api.as("admin").post("/api/on-call", Map.of("username", "nobody", "startsAt", now.toString(), "endsAt", now.plusSeconds(60).toString(),
        "escalationOrder", 1));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
    assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("username");
    var agent = api.as("admin").post("/api/on-call", Map.of("username", "agent1", "startsAt", now.toString(), "endsAt", now.plusSeconds(60).toString(),
        "escalationOrder", 1));
    assertThat(agent.status()).isEqualTo(400);
    assertThat(agent.body().get("errors").get(0).get("message").asText()).startsWith("must be a MANAGER");
    var backwards = api.as("admin").post("/api/on-call", Map.of("username", "manager1", "startsAt", now.toString(), "endsAt", now.minusSeconds(60).toString(),
        "escalationOrder", 1));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("errors").get(0).get("field").asText()).isEqualTo("endsAt");
    var missing = api.as("admin").post("/api/on-call", Map.of("username", "manager1", "startsAt", now.toString()));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("errors").findValuesAsText("field")).contains("endsAt", "escalationOrder");
    var badOrder = api.as("admin").post("/api/on-call", Map.of("username", "manager1", "startsAt", now.toString(), "endsAt", now.plusSeconds(60).toString(),
        "escalationOrder", 0));
    assertThat(badOrder.status()).isEqualTo(400);
    assertThat(api.get("/api/on-call").body().get("pagingOrderNow").get(0).asText()).isEqualTo("manager1");
  }

  @Test
  void anUnacknowledgedPageRepagesThenGoesToTheNextManagerOnCall() {
    JsonNode now = api.get("/api/on-call").body();
    assertThat(now.get("pagingOrderNow").get(0).asText()).isEqualTo("manager1");
    long id = api.open("P1", "TECHNICAL", "paging-noack@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    Instant start = Instant.parse(api.ticket(id).get("openedAt").asText()).minusSeconds(3600); // the app's clock, moved by earlier tests
    // the shift plan for the next weeks: manager1 first, manager2 second (the demo roster's order, so other tests are not affected)
    assertThat(api.as("admin").post("/api/on-call", Map.of("username", "manager1", "startsAt", start.toString(),
        "endsAt", start.plus(Duration.ofDays(30)).toString(), "escalationOrder", 1)).status()).isEqualTo(201);
    assertThat(api.as("admin").post("/api/on-call", Map.of("username", "manager2", "startsAt", start.toString(),
        "endsAt", start.plus(Duration.ofDays(30)).toString(), "escalationOrder", 2)).status()).isEqualTo(201);
    assertThat(api.get("/api/on-call").body().get("shifts").size()).isGreaterThanOrEqualTo(2);

    api.advanceClock("PT16M");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 1);
    assertThat(pageRecipients(id)).containsExactly("manager1@support.local");

    api.advanceClock("PT4M"); // before the re-page
    holdsFor(() -> api.notifications(id, "PAGE").size() == 1); // nothing more is sent meanwhile
    assertThat(api.notifications(id, "PAGE")).hasSize(1);
    api.advanceClock("PT2M"); // past it: manager1's second page
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 2);
    assertThat(pageRecipients(id)).containsExactly("manager1@support.local", "manager1@support.local");
    api.advanceClock("PT6M"); // still nobody: the next manager on call
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 3);
    assertThat(pageRecipients(id)).containsExactly("manager1@support.local", "manager1@support.local", "manager2@support.local");

    JsonNode page = api.get("/api/pages?ticketId=" + id).body().get(0);
    assertThat(page.get("state").asText()).isEqualTo("TRIGGERED");
    assertThat(page.get("sent")).hasSize(3);
    long pageId = page.get("id").asLong();
    var impersonated = api.as("manager1").post("/api/pages/" + pageId + "/ack", Map.of("by", "manager2"));
    assertThat(impersonated.status()).as("a supervisor cannot acknowledge in another's name").isEqualTo(400);
    assertThat(impersonated.body().get("errors").get(0).get("field").asText()).isEqualTo("by");
    assertThat(api.get("/api/pages/" + pageId).body().get("state").asText()).isEqualTo("TRIGGERED");
    var ack = api.as("manager2").post("/api/pages/" + pageId + "/ack", Map.of("by", "manager2"));
    assertThat(ack.status()).isEqualTo(202);
    assertThat(ack.body().get("acknowledgedBy").asText()).isEqualTo("manager2");
    api.advanceClock("PT30M"); // (the tier 2 response SLA breaches meanwhile: that escalation is a new page of its own)
    holdsFor(() -> api.get("/api/pages/" + pageId).body().get("sent").size() == 3);
    JsonNode acknowledged = api.get("/api/pages/" + pageId).body();
    assertThat(acknowledged.get("state").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.get("sent")).as("no re-page after the acknowledgement").hasSize(3);
    assertThat(api.notifications(id, "PAGE_UNANSWERED")).isEmpty();
    assertThat(api.timelineTypes(id)).contains("MANAGER_PAGED", "PAGE_ACKNOWLEDGED");
  }

  @Test
  void anAcknowledgedPageIsNotRepaged() {
    long id = api.open("P1", "BILLING", "paging-ack@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    api.advanceClock("PT16M");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 1);
    long pageId = api.get("/api/pages?ticketId=" + id).body().get(0).get("id").asLong();
    // one entry per page sent, naming who was paged and what asked for the page
    assertThat(details(id, "MANAGER_PAGED")).containsExactly("Page " + pageId
        + " to Morgan Manager (manager1) by EMAIL for P1 escalation from tier 1 to tier 2 (response sla breached)");
    assertThat(api.notifications(id, "PAGE")).singleElement().satisfies(n -> assertThat(n.get("subject").asText())
        .isEqualTo("PAGE P1 #" + id + " " + api.ticket(id).get("subject").asText()
            + ": P1 escalation from tier 1 to tier 2 (response sla breached)"));

    var ack = api.post("/api/pages/" + pageId + "/ack", "");
    assertThat(ack.status()).isEqualTo(202);
    assertThat(ack.body().get("acknowledgedBy").asText()).as("the logged-in user").isEqualTo(TicketApi.DEFAULT_USER);
    var again = api.post("/api/pages/" + pageId + "/ack", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    assertThat(api.post("/api/pages/123/ack", "").status()).isEqualTo(404);
    assertThat(api.post("/api/pages/" + pageId + "/ack", Map.of("by", "x".repeat(65))).status()).isEqualTo(400);

    api.advanceClock("PT12M"); // past two re-page intervals, before the tier 2 response SLA
    holdsFor(() -> api.notifications(id, "PAGE").size() == 1); // nothing more is sent meanwhile
    assertThat(api.notifications(id, "PAGE")).hasSize(1);
    JsonNode page = api.get("/api/pages/" + pageId).body();
    assertThat(page.get("state").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(page.get("sent")).hasSize(1);
  }

  /**
   * A P1 escalation to management pages the first manager on call, unless that manager is the new
   * owner: then the timeline says why no page went out. Which manager the roster picks depends on
   * their load, so the test checks whichever case it got, exactly.
   */
  @Test
  void aP1EscalationToManagementDoesNotPageTheOnCallManagerWhoNowOwnsTheTicket() {
    long id = api.open("P1", "BILLING", "paging-owner@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    assertThat(api.post("/api/tickets/" + id + "/escalations", Map.of("type", "HIERARCHICAL", "summary", "Outage for a key account",
        "attempted", "Nothing yet", "need", "A manager's decision", "overrideReason", "Revenue-critical")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 3
        && api.timelineTypes(id).stream().anyMatch(t -> t.equals("MANAGER_PAGED") || t.equals("PAGE_SKIPPED")));
    JsonNode owner = api.ticket(id).get("owner");
    String first = api.get("/api/on-call").body().get("pagingOrderNow").get(0).asText();

    if (owner.get("username").asText().equals(first)) {
      holdsFor(() -> api.notifications(id, "PAGE").isEmpty());
      assertThat(details(id, "MANAGER_PAGED")).isEmpty();
      assertThat(details(id, "PAGE_SKIPPED")).containsExactly("No page for P1 escalation from tier 1 to tier 3 (manual): "
          + owner.get("displayName").asText() + " (" + first + "), the on-call manager, owns the ticket");
    } else {
      await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 1);
      assertThat(pageRecipients(id)).containsExactly(first + "@support.local");
      assertThat(details(id, "PAGE_SKIPPED")).isEmpty();
      assertThat(details(id, "MANAGER_PAGED")).singleElement().satisfies(d -> assertThat(d)
          .startsWith("Page ").endsWith(" (" + first + ") by EMAIL for P1 escalation from tier 1 to tier 3 (manual)"));
    }
  }

  private List<String> details(long ticketId, String type) {
    return api.timeline(ticketId).stream().filter(e -> type.equals(e.get("type").asText())).map(e -> e.get("detail").asText()).toList();
  }

  /** Absence is shown by the condition holding for a while after the clock moved, not by one look. */
  private static void holdsFor(java.util.concurrent.Callable<Boolean> condition) {
    await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10)).until(condition);
  }
}
