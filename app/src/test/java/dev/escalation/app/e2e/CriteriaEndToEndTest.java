package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * T5 end to end: the ticket text is triaged, the escalation-criteria table decides, the ticket records the
 * matched rule (API and timeline) and the workers follow it; a furious customer message escalates by itself.
 */
@EmbeddedAppTest
class CriteriaEndToEndTest {
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private JsonNode criteriaOnceOwned(long id) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode t = api.ticket(id);
      return t.hasNonNull("owner") && t.hasNonNull("criteria") && t.hasNonNull("responseDueAt");
    });
    return api.ticket(id);
  }

  private List<String> details(long id, String type) {
    return api.timeline(id).stream().filter(e -> type.equals(e.get("type").asText())).map(e -> e.get("detail").asText()).toList();
  }

  @Test
  void aVipPrivacyComplaintStartsAtTheSecurityAndPrivacySpecialistsAsP2() {
    long id = api.open(TicketApi.ticketRequest("P3", "ACCOUNT", "privacy-vip@example.com", true, "My data was shared",
        "You shared my personal data with a third party without my consent. This is a GDPR violation."));

    JsonNode t = criteriaOnceOwned(id);
    assertThat(t.get("criteria").get("ruleId").asText()).isEqualTo("legal-risk-to-security-privacy");
    assertThat(t.get("criteria").get("reason").asText()).contains("security and privacy specialists");
    assertThat(t.get("criteria").get("inputs").get("legalRisk").asBoolean()).isTrue();
    assertThat(t.get("criteria").get("inputs").get("vip").asBoolean()).isTrue();
    assertThat(t.get("criteria").get("inputs").get("language").asText()).isEqualTo("en");
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(t.get("tier").asInt()).isEqualTo(2);
    assertThat(t.get("owner").get("username").asText()).isEqualTo("privacy1");
    assertThat(api.timelineTypes(id)).containsSubsequence("TICKET_OPENED", "TRIAGED", "CRITERIA_MATCHED", "OWNER_ASSIGNED",
        "SLA_CLOCKS_STARTED");
    assertThat(details(id, "CRITERIA_MATCHED")).singleElement().asString()
        .startsWith("Rule legal-risk-to-security-privacy: Legal or regulatory risk").contains("Priority P3 raised to P2");
    // the clocks run on the effective priority: P2 response is 1 h of business time
    assertThat(details(id, "SLA_CLOCKS_STARTED")).singleElement().asString().startsWith("P2 at tier 2");
  }

  @Test
  void aProductBugIsRecordedWithTheTechnicalGroupAndADevTaskWhileTierOneAnswersFirst() {
    long id = api.open(TicketApi.ticketRequest("P3", "BILLING", "bug@example.com", false, "Export broken",
        "Since the update the invoice export crashes with error code 4031."));

    JsonNode t = criteriaOnceOwned(id);
    assertThat(t.get("criteria").get("ruleId").asText()).isEqualTo("product-bug-to-technical");
    assertThat(t.get("criteria").get("inputs").get("bugSignal").asBoolean()).isTrue();
    assertThat(t.get("criteria").get("outputs").get("createDevTask").asBoolean()).isTrue();
    assertThat(t.get("criteria").get("outputs").get("targetGroup").asText()).isEqualTo("technical");
    assertThat(t.get("tier").asInt()).isEqualTo(1);
    assertThat(t.get("owner").get("role").asText()).isEqualTo("AGENT");
    assertThat(details(id, "TRIAGED")).singleElement().asString().contains("product bug yes", "bug: crash*");
  }

  /**
   * The VIP-churn rule asks for a page: the page names the rule and its description (the rule also
   * raises the ticket to P1, and the page used to say "P1 escalation"). The rule gives the ticket
   * to management from the start; when the roster picks the first manager on call, that manager is
   * not paged and the timeline says why.
   */
  @Test
  void theVipChurnPageNamesItsRule() {
    long id = api.open(TicketApi.ticketRequest("P3", "BILLING", "vip-churn@example.com", true, "Leaving",
        "If this is not fixed today we will cancel our subscription."));
    JsonNode t = criteriaOnceOwned(id);
    assertThat(t.get("criteria").get("ruleId").asText()).isEqualTo("vip-threatens-to-leave");
    String rule = "criteria rule vip-threatens-to-leave (VIP customer threatens to leave: management owns it from the start)";
    await().atMost(Duration.ofSeconds(30)).until(() -> !details(id, "MANAGER_PAGED").isEmpty() || !details(id, "PAGE_SKIPPED").isEmpty());
    String owner = api.ticket(id).get("owner").get("username").asText();
    String first = api.get("/api/on-call").body().get("pagingOrderNow").get(0).asText();

    if (owner.equals(first)) {
      assertThat(details(id, "PAGE_SKIPPED")).containsExactly("No page for " + rule + ": "
          + api.ticket(id).get("owner").get("displayName").asText() + " (" + first + "), the on-call manager, owns the ticket");
      assertThat(details(id, "MANAGER_PAGED")).isEmpty();
    } else {
      assertThat(details(id, "MANAGER_PAGED")).singleElement().satisfies(d -> assertThat(d).startsWith("Page ")
          .endsWith(" (" + first + ") by EMAIL for " + rule));
      assertThat(api.notifications(id, "PAGE")).singleElement()
          .satisfies(n -> assertThat(n.get("subject").asText()).isEqualTo("PAGE P1 #" + id + " Leaving: " + rule));
    }
  }

  @Test
  void aVipOnAP4IsRaisedToP2AndAPlainTicketKeepsItsPriority() {
    long vip = api.open(TicketApi.ticketRequest("P4", "OTHER", "vip-p4@example.com", true, "Question", "How do I add a second administrator?"));
    long plain = api.open(TicketApi.ticketRequest("P3", "OTHER", "plain@example.com", false, "Question", "How do I add a second administrator?"));

    JsonNode v = criteriaOnceOwned(vip);
    assertThat(v.get("criteria").get("ruleId").asText()).isIn("vip-customer", "vip-on-weekend");
    assertThat(v.get("priority").asText()).isIn("P2", "P1");
    JsonNode p = criteriaOnceOwned(plain);
    assertThat(p.get("criteria").get("ruleId").asText()).isEqualTo("default");
    assertThat(p.get("priority").asText()).isEqualTo("P3");
    assertThat(p.get("maxTier").asInt()).isEqualTo(3);
  }

  @Test
  void aFuriousCustomerMessageEscalatesTheTicketAutomaticallyWithTheReasonRecorded() {
    long id = api.open(TicketApi.ticketRequest("P3", "BILLING", "furious@example.com", false, "Invoice charged twice",
        "Our March invoice was charged twice to the company card."));
    JsonNode opened = criteriaOnceOwned(id);
    assertThat(opened.get("criteria").get("ruleId").asText()).isEqualTo("default");
    assertThat(opened.get("tier").asInt()).isEqualTo(1);

    var polite = api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", "Thanks, I will wait for your answer."));
    assertThat(polite.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> details(id, "CRITERIA_MATCHED").size() == 2);
    assertThat(api.ticket(id).get("tier").asInt()).as("a calm message changes nothing").isEqualTo(1);

    var furious = api.post("/api/tickets/" + id + "/customer-replies",
        Map.of("message", "This is absolutely terrible, the worst service ever. I am furious!"));
    assertThat(furious.status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(40)).until(() -> {
      JsonNode t = api.ticket(id);
      return t.get("tier").asInt() == 2 && t.hasNonNull("owner") && "billing1".equals(t.get("owner").get("username").asText());
    });
    JsonNode t = api.ticket(id);
    assertThat(t.get("criteria").get("ruleId").asText()).isEqualTo("strongly-negative-sentiment");
    assertThat(t.get("criteria").get("inputs").get("sentimentScore").asDouble()).isLessThanOrEqualTo(-0.75);
    assertThat(t.get("priority").asText()).isEqualTo("P2");
    assertThat(t.get("escalationCount").asInt()).isEqualTo(1);
    JsonNode escalation = api.get("/api/tickets/" + id + "/escalations").body().get(0);
    assertThat(escalation.get("cause").asText()).isEqualTo("CRITERIA_MATCHED");
    assertThat(escalation.get("fromTier").asInt()).isEqualTo(1);
    assertThat(escalation.get("toTier").asInt()).isEqualTo(2);
    assertThat(details(id, "ESCALATED")).singleElement().asString()
        .contains("Criteria rule strongly-negative-sentiment matched on customer message", "Strongly negative customer sentiment");
    // H5: the customer hears who owns the ticket now, as for any escalation
    await().atMost(Duration.ofSeconds(30)).until(() -> api.notifications(id, "ESCALATION_NOTICE").size() == 1);
    assertThat(api.timelineTypes(id)).containsSubsequence("CUSTOMER_REPLIED", "TRIAGED", "CRITERIA_MATCHED", "ESCALATED",
        "OWNER_ASSIGNED", "CUSTOMER_NOTIFIED");
    // exactly one escalation, however the jobs were delivered
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/tickets/" + id + "/escalations").body().size() == 1);
  }
}
