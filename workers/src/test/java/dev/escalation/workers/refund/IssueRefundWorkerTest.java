package dev.escalation.workers.refund;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import dev.escalation.workers.testsupport.FakeJobs;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** issue-refund against a Stripe-compatible fake: the exact request, idempotency under redelivery, failures. */
@LedgerTest
class IssueRefundWorkerTest {
  private static final WireMockServer STRIPE = new WireMockServer(wireMockConfig().dynamicPort());
  private static final AtomicLong JOB_KEYS = new AtomicLong(9_100_000);

  static {
    STRIPE.start();
  }

  @DynamicPropertySource
  static void payments(DynamicPropertyRegistry registry) {
    registry.add("escalation.payments.base-url", STRIPE::baseUrl);
    registry.add("escalation.payments.api-key", () -> "sk_test_4eC39HqLyjWDarjtT1zdp7dc");
    registry.add("escalation.payments.timeout", () -> "PT3S");
  }

  @AfterAll
  static void stop() {
    STRIPE.stop();
  }

  @Autowired IssueRefundWorker worker;
  @Autowired RefundRequests requests;
  @Autowired Tickets tickets;
  @Autowired AuditTrail audit;

  @BeforeEach
  void reset() {
    STRIPE.resetAll();
  }

  private RefundRequest approvedRefund(String amount, String currency) {
    Ticket ticket = tickets.save(Ticket.open(new Customer("Dana", "dana@example.com", "en", false, null), "email", "Charged twice",
        "d", Priority.P3, Category.BILLING, 3, Instant.now()));
    long id = requests.insert(ticket.id(), new BigDecimal(amount), currency, "Charged twice", "pi_3MtwBwLkdIwHu7ix28a3tqPa",
        "agent1", "AGENT", Instant.now());
    return requests.get(id);
  }

  private static ActivatedJob job(long key) {
    return FakeJobs.job(key, JobTypes.ISSUE_REFUND);
  }

  private void deliver(long jobKey, RefundRequest refund) {
    worker.issueRefund(job(jobKey), new RefundJob(refund.ticketId(), refund.id(), null, null, null));
  }

  private static void stripeAnswers(String refundId) {
    STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + refundId + "\",\"object\":\"refund\",\"status\":\"succeeded\"}")));
  }

  @Test
  void sendsExactlyTheStripeRequestAndRecordsTheIssuedRefund() {
    stripeAnswers("re_1Nispe2eZvKYlo2Cd31jOCgZ");
    RefundRequest refund = approvedRefund("500.00", "EUR");

    deliver(JOB_KEYS.incrementAndGet(), refund);

    STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
        .withHeader("Authorization", equalTo("Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc"))
        .withHeader("Idempotency-Key", equalTo("refund-request-" + refund.id()))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("amount=50000&currency=eur&payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa&reason=requested_by_customer"
            + "&metadata%5Bticket_id%5D=" + refund.ticketId() + "&metadata%5Brefund_request_id%5D=" + refund.id())));
    RefundRequest issued = requests.get(refund.id());
    assertThat(issued.status()).isEqualTo(RefundStatus.ISSUED);
    assertThat(issued.providerRefundId()).isEqualTo("re_1Nispe2eZvKYlo2Cd31jOCgZ");
    assertThat(audit.timeline(refund.ticketId())).filteredOn(e -> e.type() == AuditEventType.REFUND_ISSUED).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("re_1Nispe2eZvKYlo2Cd31jOCgZ", "500.00 EUR", "within agent1's own authority"));
  }

  @Test
  void aRedeliveredJobDoesNotCallTheProviderAgain() {
    stripeAnswers("re_once");
    RefundRequest refund = approvedRefund("80.00", "EUR");
    long key = JOB_KEYS.incrementAndGet();

    deliver(key, refund);
    deliver(key, refund);

    STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")));
    assertThat(audit.timeline(refund.ticketId())).filteredOn(e -> e.type() == AuditEventType.REFUND_ISSUED).hasSize(1);
  }

  @Test
  void whenTheFirstAnswerIsLostTheRetryCarriesTheSameIdempotencyKeyAndOneRefundIsRecorded() {
    // The provider refunds on the first call, but the answer arrives after our timeout: the job fails and is retried.
    STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("lost answer").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(200).withFixedDelay(6_000).withBody("{\"id\":\"re_same\",\"status\":\"succeeded\"}"))
        .willSetStateTo("refunded"));
    STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("lost answer").whenScenarioStateIs("refunded")
        .willReturn(aResponse().withStatus(200).withHeader("Idempotent-Replayed", "true")
            .withBody("{\"id\":\"re_same\",\"status\":\"succeeded\"}")));
    RefundRequest refund = approvedRefund("120.50", "EUR");
    long key = JOB_KEYS.incrementAndGet();

    assertThatThrownBy(() -> deliver(key, refund)).hasMessageContaining("did not answer");
    assertThat(requests.get(refund.id()).status()).isEqualTo(RefundStatus.REQUESTED);
    deliver(key, refund);

    var calls = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/refunds")));
    assertThat(calls).hasSize(2).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly("refund-request-" + refund.id());
    assertThat(calls).extracting(r -> r.getBodyAsString()).allMatch(b -> b.startsWith("amount=12050&currency=eur"));
    assertThat(requests.get(refund.id()).providerRefundId()).isEqualTo("re_same");
    assertThat(audit.timeline(refund.ticketId())).filteredOn(e -> e.type() == AuditEventType.REFUND_ISSUED).hasSize(1);
  }

  @Test
  void aRefusalBecomesAnActionableFailureAndNothingIsRecordedAsIssued() {
    STRIPE.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Charge ch_1 has already been refunded.\"}}")));
    RefundRequest refund = approvedRefund("20.00", "EUR");

    assertThatThrownBy(() -> deliver(JOB_KEYS.incrementAndGet(), refund))
        .isInstanceOf(FixableFailure.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("already been refunded");
    assertThat(requests.get(refund.id()).status()).isEqualTo(RefundStatus.REQUESTED);
    assertThat(audit.timeline(refund.ticketId())).noneMatch(e -> e.type() == AuditEventType.REFUND_ISSUED);
  }

  @Test
  void amountsGoInTheCurrencysMinorUnits() {
    assertThat(StripePaymentAdapter.minorUnits(new BigDecimal("10.5"), "EUR")).isEqualTo(1050);
    assertThat(StripePaymentAdapter.minorUnits(new BigDecimal("1500"), "JPY")).isEqualTo(1500);
  }
}
