package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@EmbeddedAppTest
class P1BreachEscalationTest {
  @LocalServerPort int port;
  @Autowired CrashOnFirstDelivery crashing;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void aP1BreachingItsResponseSlaGoesToTierTwoWithHandoffNoticeAndPage() {
    long id = api.open("P1", "BILLING", "p1-breach@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    JsonNode opened = api.ticket(id);
    assertThat(opened.get("tier").asInt()).isEqualTo(1);
    assertThat(opened.get("owner").get("tier").asInt()).isEqualTo(1);
    assertThat(opened.get("owner").get("role").asText()).isEqualTo("AGENT");
    Instant responseDue = Instant.parse(opened.get("responseDueAt").asText());
    // counted from the opening, however long the clock-start job took to run
    assertThat(Duration.between(Instant.parse(opened.get("openedAt").asText()), responseDue)).isEqualTo(Duration.ofMinutes(15));

    api.advanceClock("PT14M"); // past the 75% warning, before the breach
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SLA_WARNING").size() == 1);
    assertThat(api.ticket(id).get("tier").asInt()).isEqualTo(1);
    assertThat(api.notifications(id, "SLA_BREACH")).isEmpty();
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_BREACHED", "ESCALATED");

    api.advanceClock("PT2M");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "PAGE").size() == 1
        && api.notifications(id, "ESCALATION_NOTICE").size() == 1);

    JsonNode escalated = api.ticket(id);
    assertThat(escalated.get("tier").asInt()).isEqualTo(2);
    assertThat(escalated.get("escalationCount").asInt()).isEqualTo(1);
    assertThat(escalated.get("owner").get("username").asText()).isEqualTo("billing1");
    assertThat(escalated.get("owner").get("displayName").asText()).isEqualTo("Bea Billing");
    assertThat(escalated.get("status").asText()).isEqualTo("OPEN");

    JsonNode notice = api.notifications(id, "ESCALATION_NOTICE").get(0);
    assertThat(notice.get("recipient").asText()).isEqualTo("p1-breach@example.com");
    assertThat(notice.get("body").asText()).contains("Bea Billing").contains("expect a response by");
    JsonNode page = api.notifications(id, "PAGE").get(0);
    assertThat(page.get("recipient").asText()).isEqualTo("manager1@support.local");
    assertThat(api.notifications(id, "SLA_BREACH")).singleElement()
        .satisfies(n -> assertThat(n.get("recipient").asText()).endsWith("@support.local"));
    assertThat(api.notifications(id, "OWNER_ASSIGNED")).hasSize(2)
        .last().satisfies(n -> assertThat(n.get("body").asText()).contains("Handoff notes:").contains("Response SLA breached at tier 1"));

    assertThat(api.timelineTypes(id)).containsSubsequence(
        "TICKET_OPENED", "OWNER_ASSIGNED", "SLA_CLOCKS_STARTED", "CUSTOMER_NOTIFIED", "SLA_WARNING",
        "SLA_BREACHED", "ESCALATED", "OWNER_ASSIGNED", "SLA_CLOCKS_STARTED", "CUSTOMER_NOTIFIED", "MANAGER_PAGED");
    JsonNode note = api.get("/api/tickets/" + id + "/handoff-notes").body().get(0);
    assertThat(note.get("automatic").asBoolean()).isTrue();
    assertThat(note.get("summary").asText()).startsWith("Response SLA breached at tier 1");
    JsonNode escalation = api.get("/api/tickets/" + id + "/escalations").body().get(0);
    assertThat(escalation.get("cause").asText()).isEqualTo("RESPONSE_SLA_BREACHED");
    assertThat(escalation.get("toOwner").asText()).isEqualTo("billing1");

    // the customer got exactly one escalation mail, although the notice job was delivered twice
    await().atMost(Duration.ofSeconds(10)).until(() -> api.notifications(id, "ESCALATION_NOTICE").get(0).get("status").asText().equals("SENT"));
    assertThat(crashing.maxDeliveries()).isGreaterThanOrEqualTo(2);
    assertThat(EmbeddedRuntime.mail().received())
        .filteredOn(m -> m.to().contains("p1-breach@example.com") && m.subject().contains("has been escalated"))
        .hasSize(1);
  }
}
