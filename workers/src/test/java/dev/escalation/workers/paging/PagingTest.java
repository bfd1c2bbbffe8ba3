package dev.escalation.workers.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.job.ConfigurationFailure;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationRepository;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** N2: paging adapters against WireMock with exact bodies, the on-call order with time windows, and the re-page policy. */
@LedgerTest
class PagingTest {
  private static final AtomicLong PAGE_IDS = new AtomicLong(9_000_000);
  static WireMockServer receiver;

  @Autowired PageLedger ledger;
  @Autowired OnCallRoster onCall;
  @Autowired Tickets tickets;
  @Autowired EscalationRepository escalations;
  @Autowired TicketHistory history;
  @Autowired RosterRepository roster;
  @Autowired AuditTrail audit;
  @Autowired Outbox outbox;
  @Autowired NotificationRepository notifications;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired dev.escalation.workers.team.TeamChannel team;

  @BeforeAll
  static void start() {
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop();
  }

  @org.junit.jupiter.api.AfterEach
  void noShiftsLeftForOtherTests() {
    jdbc.sql("DELETE FROM on_call_shift").update();
  }

  @BeforeEach
  void reset() {
    receiver.resetAll();
    jdbc.sql("DELETE FROM on_call_shift").update();
    manager("pm-a", "Ada Alpha", true);
    manager("pm-b", "Bo Beta", false);
  }

  private void manager(String username, String name, boolean onDuty) {
    roster.save(new RosterMember(username, name, username + "@support.test", Role.MANAGER, 3, null, true, onDuty, null,
        roster.findById(username).map(RosterMember::version).orElse(null)));
  }

  private PagingProperties properties(PagingChannel channel, int pagesPerManager, int maxPages) {
    return new PagingProperties(channel, Duration.ofMinutes(5), pagesPerManager, maxPages, URI.create("https://support.example.test"),
        Duration.ofSeconds(2), new PagingProperties.Webhook(URI.create(receiver.baseUrl() + "/page")),
        new PagingProperties.PagerDuty(URI.create(receiver.baseUrl() + "/v2/enqueue"), "R0UT1NGKEY", null));
  }

  private Pages pages(PagingProperties properties) {
    return new Pages(ledger, onCall, tickets, escalations, history, roster, audit, outbox, null, properties, clock, team);
  }

  /** A ticket with a triggered page; returns the page id. */
  private long page(Priority priority) {
    Ticket t = tickets.save(Ticket.open(new Customer("C", "c@x.test", "en", false, null), "email", "Checkout down", "d", priority,
        Category.TECHNICAL, 3, Instant.now()));
    long pageId = PAGE_IDS.incrementAndGet();
    ledger.create(pageId, t.id(), "P1 escalation", priority.name(), Instant.now());
    return pageId;
  }

  private Map<String, Object> send(Pages pages, long pageId, int attemptsSoFar) {
    return new TransactionTemplate(transactions).execute(s -> pages.sendNext(pageId, attemptsSoFar));
  }

  @Test
  void theGenericWebhookGetsOneJsonPostPerPageWithAnIdempotencyKey() {
    receiver.stubFor(post("/page").willReturn(aResponse().withStatus(202)));
    long pageId = page(Priority.P1);
    long ticketId = ledger.get(pageId).orElseThrow().ticketId();

    Map<String, Object> result = send(pages(properties(PagingChannel.WEBHOOK, 2, 6)), pageId, 0);

    receiver.verify(1, postRequestedFor(urlPathEqualTo("/page"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Idempotency-Key", equalTo("escalation-page-" + pageId + "-1"))
        .withRequestBody(equalToJson("""
            {"pageId": %1$d, "attempt": 1, "dedupKey": "escalation-page-%1$d-1", "ticketId": %2$d, "priority": "P1",
             "summary": "P1 #%2$d Checkout down: P1 escalation",
             "manager": {"username": "pm-a", "displayName": "Ada Alpha", "email": "pm-a@support.test"},
             "ticketUrl": "https://support.example.test/#/tickets/%2$d",
             "acknowledgeUrl": "https://support.example.test/api/pages/%1$d/ack"}
            """.formatted(pageId, ticketId))));
    assertThat(result).containsEntry("attempt", 1).containsEntry("pagesLeft", 3);
    assertThat(Instant.parse((String) result.get("repageAt"))).isBetween(clock.instant().plusSeconds(290), clock.instant().plusSeconds(301));
    assertThat(ledger.get(pageId).orElseThrow().sent()).singleElement().satisfies(a -> {
      assertThat(a.username()).isEqualTo("pm-a");
      assertThat(a.channel()).isEqualTo("WEBHOOK");
    });
    assertThat(audit.timeline(ticketId)).anySatisfy(e -> assertThat(e.type()).isEqualTo(AuditEventType.MANAGER_PAGED));
  }

  @Test
  void pagerDutyGetsAnEventsV2TriggerWithADedupKeyPerPageAndAttempt() {
    receiver.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(202)
        .withBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}")));
    long pageId = page(Priority.P1);
    long ticketId = ledger.get(pageId).orElseThrow().ticketId();

    send(pages(properties(PagingChannel.PAGERDUTY, 1, 6)), pageId, 0);

    receiver.verify(1, postRequestedFor(urlPathEqualTo("/v2/enqueue")).withRequestBody(equalToJson("""
        {"routing_key": "R0UT1NGKEY", "event_action": "trigger", "dedup_key": "escalation-page-%1$d-1",
         "payload": {"summary": "P1 #%2$d Checkout down: P1 escalation", "source": "escalation-engine", "severity": "critical",
           "custom_details": {"ticketId": %2$d, "priority": "P1", "manager": "pm-a", "attempt": 1,
             "acknowledgeUrl": "https://support.example.test/api/pages/%1$d/ack"}},
         "links": [{"href": "https://support.example.test/#/tickets/%2$d", "text": "Ticket #%2$d"}]}
        """.formatted(pageId, ticketId))));
    assertThat(PagerDutyPagingAdapter.severity("P2")).isEqualTo("error");
    assertThat(PagerDutyPagingAdapter.severity("P3")).isEqualTo("warning");
  }

  @Test
  void outagesRetryAndRefusalsNameTheSetting() {
    long pageId = page(Priority.P1);
    receiver.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> send(pages(properties(PagingChannel.PAGERDUTY, 1, 6)), pageId, 0))
        .isInstanceOf(FixableFailure.class).isNotInstanceOf(ConfigurationFailure.class).hasMessageStartingWith("PagerDuty answered 500");
    receiver.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(400).withBody("{\"status\":\"invalid event\"}")));
    assertThatThrownBy(() -> send(pages(properties(PagingChannel.PAGERDUTY, 1, 6)), pageId, 0))
        .isInstanceOf(ConfigurationFailure.class)
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo()).contains("escalation.paging.pagerduty.routing-key"));
    receiver.stubFor(post("/page").willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> send(pages(properties(PagingChannel.WEBHOOK, 1, 6)), pageId, 0))
        .isInstanceOf(ConfigurationFailure.class)
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo()).contains("escalation.paging.webhook.url"));
    assertThat(ledger.get(pageId).orElseThrow().sent()).as("nothing recorded as sent").isEmpty();
  }

  @Test
  void eachManagerGetsItsRepeatsThenTheNextInTheOnCallOrderAndThePagesAreBounded() {
    long pageId = page(Priority.P1);
    Pages pages = pages(properties(PagingChannel.EMAIL, 2, 6));
    // two managers on call: 2 pages each, 4 in all
    assertThat(send(pages, pageId, 0)).containsEntry("attempt", 1).containsEntry("pagesLeft", 3);
    assertThat(send(pages, pageId, 1)).containsEntry("attempt", 2).containsEntry("pagesLeft", 2);
    assertThat(send(pages, pageId, 2)).containsEntry("attempt", 3).containsEntry("pagesLeft", 1);
    assertThat(send(pages, pageId, 3)).containsEntry("attempt", 4).containsEntry("pagesLeft", 0);
    assertThat(ledger.get(pageId).orElseThrow().sent()).extracting(Page.Attempt::username)
        .startsWith("pm-a", "pm-a").contains("pm-b");
    var mails = notifications.findAll().stream().filter(n -> n.kind() == NotificationKind.PAGE
        && n.idempotencyKey().startsWith("PAGE:" + pageId + ":")).toList();
    assertThat(mails).hasSize(4);
    assertThat(mails).filteredOn(n -> n.recipient().equals("pm-a@support.test")).hasSize(2);
    assertThat(mails).filteredOn(n -> n.subject().contains("(page 2, not yet acknowledged)")).hasSize(1);

    assertThat(new PagePolicy(2, 3).totalPages(5)).as("max-pages caps a large roster").isEqualTo(3);
    assertThat(new PagePolicy(1, 6).managerIndex(3, 2)).as("never past the last manager").isEqualTo(1);
  }

  @Test
  void anAcknowledgedPageSendsNothingMore() {
    long pageId = page(Priority.P1);
    Pages pages = pages(properties(PagingChannel.WEBHOOK, 2, 6));
    receiver.stubFor(post("/page").willReturn(aResponse().withStatus(200)));
    send(pages, pageId, 0);
    assertThat(pages.acknowledge(pageId, "pm-a")).isEqualTo(Pages.Acknowledgement.ACKNOWLEDGED);
    assertThat(pages.acknowledge(pageId, "pm-a")).isEqualTo(Pages.Acknowledgement.ALREADY_ACKNOWLEDGED);
    assertThat(pages.acknowledge(1L, "pm-a")).isEqualTo(Pages.Acknowledgement.UNKNOWN);
    assertThat(send(pages, pageId, 1)).containsEntry("pagesLeft", 0).containsEntry("attempt", 1);
    receiver.verify(1, postRequestedFor(urlPathEqualTo("/page")));
    assertThat(ledger.get(pageId).orElseThrow().acknowledgedBy()).isEqualTo("pm-a");
  }

  @Test
  void theOnCallShiftCoveringTheMomentDecidesTheOrderAndTheRosterIsTheFallback() {
    Instant now = clock.instant();
    manager("pm-c", "Cy Gamma", false);
    onCall.add(new OnCallShift(null, "pm-b", now.minusSeconds(3600), now.plusSeconds(3600), 1));
    onCall.add(new OnCallShift(null, "pm-c", now.minusSeconds(3600), now.plusSeconds(3600), 2));
    onCall.add(new OnCallShift(null, "pm-a", now.plusSeconds(3600), now.plusSeconds(7200), 1)); // later shift
    onCall.add(new OnCallShift(null, "pm-a", now.minusSeconds(7200), now.minusSeconds(3600), 1)); // ended

    assertThat(onCall.pagingOrder(now)).extracting(RosterMember::username).containsExactly("pm-b", "pm-c");
    assertThat(onCall.pagingOrder(now.plusSeconds(5400))).extracting(RosterMember::username).containsExactly("pm-a");
    assertThat(onCall.pagingOrder(now.plusSeconds(3600 * 24))).as("no shift: roster managers, on duty first")
        .extracting(RosterMember::username).startsWith("pm-a");
    assertThat(onCall.shifts()).hasSize(4);
  }

  private static final String VIP_RULE = new PageJob(0, "P1", true,
      Map.of("ruleId", "VIP_CHURN", "reason", "VIP customer threatens to leave")).ruleAskingForAPage();

  @Test
  void eachPageSentIsOneTimelineEntryNamingWhoWasPagedAndWhy() {
    Ticket t = tickets.save(Ticket.open(new Customer("C", "c@x.test", "en", true, null), "email", "Cancelling", "d", Priority.P1,
        Category.BILLING, 3, Instant.now()));
    long pageId = PAGE_IDS.incrementAndGet();
    ledger.create(pageId, t.id(), VIP_RULE, "P1", Instant.now());
    RosterMember first = onCall.pagingOrder(clock.instant()).get(0);

    send(pages(properties(PagingChannel.EMAIL, 2, 6)), pageId, 0);

    assertThat(VIP_RULE).isEqualTo("criteria rule VIP_CHURN (VIP customer threatens to leave)");
    assertThat(audit.timeline(t.id())).filteredOn(e -> e.type() == AuditEventType.MANAGER_PAGED).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Page " + pageId + " to " + first.displayName() + " (" + first.username()
            + ") by EMAIL for criteria rule VIP_CHURN (VIP customer threatens to leave)"));
    assertThat(notifications.findByIdempotencyKey("PAGE:" + pageId + ":1")).hasValueSatisfying(n ->
        assertThat(n.subject()).isEqualTo("PAGE P1 #" + t.id() + " Cancelling: criteria rule VIP_CHURN (VIP customer threatens to leave)"));
  }

  @Test
  void theOnCallManagerWhoOwnsTheTicketIsNotPaged() {
    RosterMember first = onCall.pagingOrder(clock.instant()).get(0);
    Ticket t = Ticket.open(new Customer("C", "c@x.test", "en", true, null), "email", "Cancelling", "d", Priority.P1,
        Category.BILLING, 3, Instant.now());
    t.assignTo(first.username());
    long ticketId = tickets.save(t).id();
    long pageId = PAGE_IDS.incrementAndGet();

    new TransactionTemplate(transactions).executeWithoutResult(s -> pages(properties(PagingChannel.EMAIL, 2, 6))
        .request(pageId, ticketId, false, VIP_RULE));

    assertThat(ledger.get(pageId)).isEmpty();
    assertThat(audit.timeline(ticketId)).filteredOn(e -> e.type() != AuditEventType.TICKET_OPENED).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.PAGE_SKIPPED);
      assertThat(e.detail()).isEqualTo("No page for criteria rule VIP_CHURN (VIP customer threatens to leave): " + first.displayName()
          + " (" + first.username() + "), the on-call manager, owns the ticket");
    });
  }

  @Test
  void noSecondPageWhileTheFirstForTheSameTicketAndManagerIsOpen() {
    long firstPage = page(Priority.P1);
    long ticketId = ledger.get(firstPage).orElseThrow().ticketId();
    Pages pages = pages(properties(PagingChannel.EMAIL, 2, 6));
    send(pages, firstPage, 0);
    RosterMember paged = onCall.pagingOrder(clock.instant()).get(0);
    long secondPage = PAGE_IDS.incrementAndGet();

    new TransactionTemplate(transactions).executeWithoutResult(s -> pages.request(secondPage, ticketId, false, VIP_RULE));

    assertThat(ledger.get(secondPage)).isEmpty();
    assertThat(ledger.ofTicket(ticketId)).extracting(Page::id).containsExactly(firstPage);
    assertThat(audit.timeline(ticketId)).filteredOn(e -> e.type() == AuditEventType.PAGE_SKIPPED).singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("No page for criteria rule VIP_CHURN (VIP customer threatens to leave): page "
            + firstPage + " to " + paged.displayName() + " (" + paged.username() + ") for this ticket (P1 escalation) is still open,"
            + " not yet acknowledged"));
    assertThat(audit.timeline(ticketId)).filteredOn(e -> e.type() == AuditEventType.MANAGER_PAGED).hasSize(1);
  }
}
