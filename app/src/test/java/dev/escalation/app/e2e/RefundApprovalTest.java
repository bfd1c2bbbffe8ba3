package dev.escalation.app.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.embedded.FakePaymentProvider;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A1 and the manager inbox end to end: request, task, decision, refund at the (fake) provider, notices, timeline. */
@EmbeddedAppTest
class RefundApprovalTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired CamundaClient engine;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private long ticketOwnedByAnAgent(String email) {
    long id = api.open("P3", "BILLING", email);
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    return id;
  }

  private String owner(long ticketId) {
    return api.ticket(ticketId).get("owner").get("username").asText();
  }

  private static Map<String, Object> refund(String amount, String reason) {
    return Map.of("amount", new java.math.BigDecimal(amount), "currency", "EUR", "reason", reason, "paymentIntent", "pi_demo_123");
  }

  private long requestRefund(long ticketId, String as, String amount) {
    TicketApi.Response created = api.as(as).post("/api/tickets/" + ticketId + "/refund-requests", refund(amount, "Charged twice in March"));
    assertThat(created.status()).as(created.toString()).isEqualTo(202);
    return created.body().get("id").asLong();
  }

  private JsonNode refundRequest(long ticketId, long refundId) {
    for (JsonNode r : api.get("/api/tickets/" + ticketId + "/refund-requests").body()) {
      if (r.get("id").asLong() == refundId) {
        return r;
      }
    }
    throw new AssertionError("no refund request " + refundId);
  }

  private String refundStatus(long ticketId, long refundId) {
    return refundRequest(ticketId, refundId).get("status").asText();
  }

  private Optional<JsonNode> taskFor(String user, long refundId) {
    List<JsonNode> tasks = new ArrayList<>();
    api.as(user).get("/api/tasks").body().forEach(tasks::add);
    return tasks.stream().filter(t -> t.hasNonNull("refund") && t.get("refund").get("id").asLong() == refundId).findFirst();
  }

  private JsonNode awaitTask(String user, long refundId) {
    await().atMost(WAIT).until(() -> taskFor(user, refundId).isPresent());
    return taskFor(user, refundId).orElseThrow();
  }

  private int providerCalls(long refundId) {
    return EmbeddedRuntime.payments().server()
        .findAll(postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-request-" + refundId))).size();
  }

  private List<JsonNode> timeline(long ticketId) {
    List<JsonNode> list = new ArrayList<>();
    api.get("/api/tickets/" + ticketId + "/timeline").body().forEach(list::add);
    return list;
  }

  @Test
  void withinTheAgentsAuthorityTheRefundIsIssuedAtOnceAndBothAreTold() {
    long ticket = ticketOwnedByAnAgent("refund-small@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "40.00");

    await().atMost(WAIT).until(() -> "ISSUED".equals(refundStatus(ticket, refundId))
        && api.notifications(ticket, "REFUND_OUTCOME_TO_AGENT").size() == 1);
    EmbeddedRuntime.payments().server().verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
        .withHeader("Authorization", equalTo("Bearer " + FakePaymentProvider.API_KEY))
        .withHeader("Idempotency-Key", equalTo("refund-request-" + refundId))
        .withRequestBody(equalTo("amount=4000&currency=eur&payment_intent=pi_demo_123&reason=requested_by_customer"
            + "&metadata%5Bticket_id%5D=" + ticket + "&metadata%5Brefund_request_id%5D=" + refundId)));
    assertThat(refundRequest(ticket, refundId).get("providerRefundId").asText()).isEqualTo("re_refund-request-" + refundId);
    assertThat(api.notifications(ticket, "REFUND_OUTCOME")).singleElement()
        .satisfies(n -> assertThat(n.get("recipient").asText()).isEqualTo("refund-small@example.com"))
        .satisfies(n -> assertThat(n.get("body").asText()).contains("refunded 40.00 EUR"));
    assertThat(taskFor("manager1", refundId)).isEmpty();
    assertThat(api.timelineTypes(ticket)).containsSubsequence("REFUND_REQUESTED", "REFUND_ISSUED", "CUSTOMER_NOTIFIED");
  }

  @Test
  void aboveTheAgentsAuthorityAManagerApprovesFromTheInboxAndTheRefundIsIssuedOnce() {
    long ticket = ticketOwnedByAnAgent("refund-approve@example.com");
    String agent = owner(ticket);
    long refundId = requestRefund(ticket, agent, "500.00");

    JsonNode task = awaitTask("manager1", refundId);
    assertThat(task.get("kind").asText()).isEqualTo("REFUND_APPROVAL");
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("managers");
    assertThat(task.get("ticket").get("id").asLong()).isEqualTo(ticket);
    assertThat(task.get("ticket").get("owner").asText()).isEqualTo(agent);
    assertThat(task.get("refund").get("amount").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(task.get("formKey").asText()).isNotBlank();
    assertThat(refundStatus(ticket, refundId)).isEqualTo("PENDING_APPROVAL");
    assertThat(api.as(agent).get("/api/tasks").body()).as("agents have no approval tasks").isEmpty();
    assertThat(providerCalls(refundId)).isZero();
    long taskId = task.get("id").asLong();

    assertThat(api.as("manager1").post("/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(200);
    TicketApi.Response byOther = api.as("manager2").post("/api/tasks/" + taskId + "/complete",
        Map.of("decision", "APPROVE", "comment", "fine"));
    assertThat(byOther.status()).isEqualTo(409);
    assertThat(byOther.body().get("detail").asText()).contains("claimed by manager1");
    assertThat(taskFor("manager2", refundId)).as("a claimed task leaves the others' inbox").isEmpty();

    TicketApi.Response done = api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("decision", "APPROVE", "comment", "Double charge confirmed in the payment log"));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.body().get("status").asText()).isEqualTo("COMPLETED");

    TicketApi.Response again = api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("decision", "APPROVE", "comment", "again"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");

    await().atMost(WAIT).until(() -> "ISSUED".equals(refundStatus(ticket, refundId))
        && api.notifications(ticket, "REFUND_OUTCOME_TO_AGENT").size() == 1 && api.notifications(ticket, "REFUND_OUTCOME").size() == 1);
    assertThat(providerCalls(refundId)).isEqualTo(1);
    assertThat(taskFor("manager1", refundId)).isEmpty();
    JsonNode toAgent = api.notifications(ticket, "REFUND_OUTCOME_TO_AGENT").get(0);
    assertThat(toAgent.get("recipient").asText()).isEqualTo(agent + "@support.local");
    assertThat(toAgent.get("body").asText()).contains("issued", "by manager1", "Double charge confirmed");
    assertThat(timeline(ticket)).filteredOn(e -> e.get("type").asText().equals("REFUND_APPROVED")).singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("manager1"))
        .satisfies(e -> assertThat(e.get("detail").asText()).contains("500.00 EUR", "Double charge confirmed"));
    assertThat(api.timelineTypes(ticket)).containsSubsequence("REFUND_REQUESTED", "TASK_CLAIMED", "REFUND_APPROVED", "REFUND_ISSUED");
  }

  @Test
  void twoManagersCompletingAtOnceGetOneSuccessAndOneConflictAndOneRefund() throws Exception {
    long ticket = ticketOwnedByAnAgent("refund-race@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "300.00");
    long taskId = awaitTask("manager1", refundId).get("id").asLong();

    CountDownLatch start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String manager : List.of("manager1", "manager2")) {
        results.add(pool.submit(() -> {
          start.await();
          return api.as(manager).post("/api/tasks/" + taskId + "/complete",
              Map.of("decision", "APPROVE", "comment", "approved by " + manager)).status();
        }));
      }
      start.countDown();
      assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    await().atMost(WAIT).until(() -> "ISSUED".equals(refundStatus(ticket, refundId)));
    assertThat(providerCalls(refundId)).isEqualTo(1);
    assertThat(api.timelineTypes(ticket).stream().filter("REFUND_APPROVED"::equals)).hasSize(1);
  }

  @Test
  void aTaskCompletedInTasklistLeavesTheInboxAndCannotBeCompletedAgain() {
    long ticket = ticketOwnedByAnAgent("refund-tasklist@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "250.00");
    long taskId = awaitTask("manager2", refundId).get("id").asLong();

    // What Tasklist (V1 mode) does when someone submits the form: complete the job with the form's variables.
    engine.newCompleteCommand(taskId)
        .variables(Map.of("refundDecision", "REJECT", "refundDecisionComment", "Usage after the charge was real"))
        .send().join();

    await().atMost(WAIT).until(() -> "REJECTED".equals(refundStatus(ticket, refundId)));
    assertThat(taskFor("manager2", refundId)).isEmpty();
    TicketApi.Response late = api.as("manager2").post("/api/tasks/" + taskId + "/complete",
        Map.of("decision", "APPROVE", "comment", "late"));
    assertThat(late.status()).isEqualTo(409);
    await().atMost(WAIT).until(() -> api.notifications(ticket, "REFUND_OUTCOME").size() == 1);
    assertThat(api.notifications(ticket, "REFUND_OUTCOME").get(0).get("body").asText())
        .contains("cannot grant it", "Usage after the charge was real");
    assertThat(providerCalls(refundId)).isZero();
    assertThat(timeline(ticket)).filteredOn(e -> e.get("type").asText().equals("REFUND_REJECTED")).singleElement()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("tasklist"));
  }

  @Test
  void onlyRolesWhoseAuthorityCoversTheAmountMayApprove() {
    long ticket = ticketOwnedByAnAgent("refund-big@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "5000.00");

    JsonNode task = awaitTask("head1", refundId);
    assertThat(taskFor("manager1", refundId)).as("beyond a manager's 1,000").isEmpty();
    TicketApi.Response forbidden = api.as("manager1").post("/api/tasks/" + task.get("id").asLong() + "/complete",
        Map.of("decision", "APPROVE", "comment", "ok"));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.body().get("detail").asText()).contains("up to 1000", "5000.00 EUR");
    assertThat(api.as("manager1").post("/api/tasks/" + task.get("id").asLong() + "/claim", Map.of()).status()).isEqualTo(403);

    assertThat(api.as("head1").post("/api/tasks/" + task.get("id").asLong() + "/complete",
        Map.of("decision", "REJECT", "comment", "Not covered by the contract")).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "REJECTED".equals(refundStatus(ticket, refundId)));
  }

  @Test
  void whoMayRequestAndWhatIsValid() {
    long ticket = ticketOwnedByAnAgent("refund-rules@example.com");
    String owner = owner(ticket);
    String otherAgent = owner.equals("agent1") ? "agent2" : "agent1";
    String path = "/api/tickets/" + ticket + "/refund-requests";

    TicketApi.Response anonymous = api.anonymous().post(path, refund("10.00", "x"));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(api.as(otherAgent).post(path, refund("10.00", "x")).status()).isEqualTo(403);
    assertThat(api.as("admin").post(path, refund("10.00", "x")).status()).as("an admin is no support agent").isEqualTo(403);
    assertThat(api.anonymous().get("/api/tasks").status()).isEqualTo(401);

    TicketApi.Response badAmount = api.as(owner).post(path, Map.of("amount", -5, "currency", "EUR", "reason", "x"));
    assertThat(badAmount.status()).isEqualTo(400);
    assertThat(badAmount.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
    TicketApi.Response badCurrency = api.as(owner).post(path, Map.of("amount", 5, "currency", "EURO", "reason", "x"));
    assertThat(badCurrency.body().get("errors").get(0).get("field").asText()).isEqualTo("currency");
    TicketApi.Response yenCents = api.as(owner).post(path, Map.of("amount", 10.5, "currency", "JPY", "reason", "x"));
    assertThat(yenCents.status()).isEqualTo(400);
    assertThat(yenCents.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
    TicketApi.Response noReason = api.as(owner).post(path, Map.of("amount", 5, "currency", "EUR"));
    assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(api.as(owner).post("/api/tickets/999999/refund-requests", refund("10.00", "x")).status()).isEqualTo(404);

    assertThat(api.as("manager1").post(path, refund("10.00", "Goodwill")).status()).as("a manager may request on any ticket")
        .isEqualTo(202);
  }

  @Test
  void aDecisionNeedsAValidDecisionAndAComment() {
    long ticket = ticketOwnedByAnAgent("refund-decision@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "150.00");
    long taskId = awaitTask("manager1", refundId).get("id").asLong();

    TicketApi.Response noDecision = api.as("manager1").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "MAYBE", "comment", "x"));
    assertThat(noDecision.status()).isEqualTo(400);
    assertThat(noDecision.body().get("errors").get(0).get("field").asText()).isEqualTo("decision");
    TicketApi.Response noComment = api.as("manager1").post("/api/tasks/" + taskId + "/complete", Map.of("decision", "APPROVE"));
    assertThat(noComment.body().get("errors").get(0).get("field").asText()).isEqualTo("comment");
    assertThat(api.as("manager1").post("/api/tasks/424242/complete", Map.of("decision", "APPROVE", "comment", "x")).status())
        .isEqualTo(404);
    assertThat(taskFor("manager1", refundId)).as("still open after bad input").isPresent();
  }

  @Test
  void anIgnoredApprovalFollowsUpAfterAnHourAndMovesToTheHeadOfSupportAfterTheSecond() {
    long ticket = ticketOwnedByAnAgent("refund-ignored@example.com");
    long refundId = requestRefund(ticket, owner(ticket), "700.00");
    long firstTask = awaitTask("manager1", refundId).get("id").asLong();

    api.advanceClock("PT58M");
    assertThat(api.notifications(ticket, "APPROVAL_FOLLOW_UP")).isEmpty();
    api.advanceClock("PT3M");
    await().atMost(WAIT).until(() -> api.notifications(ticket, "APPROVAL_FOLLOW_UP").size() == 2);
    assertThat(api.notifications(ticket, "APPROVAL_FOLLOW_UP")).extracting(n -> n.get("recipient").asText())
        .containsExactlyInAnyOrder("manager1@support.local", "manager2@support.local");
    assertThat(awaitTask("manager1", refundId).get("id").asLong()).as("a follow-up does not move the task").isEqualTo(firstTask);

    api.advanceClock("PT1H");
    await().atMost(WAIT).until(() -> taskFor("head1", refundId).filter(t -> t.get("id").asLong() != firstTask).isPresent());
    JsonNode moved = taskFor("head1", refundId).orElseThrow();
    assertThat(moved.get("elementId").asText()).isEqualTo("ApproveRefundAsHeadOfSupportTask");
    assertThat(moved.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("head-of-support");
    assertThat(taskFor("manager1", refundId)).isEmpty();
    assertThat(api.as("manager1").post("/api/tasks/" + firstTask + "/complete", Map.of("decision", "APPROVE", "comment", "late"))
        .status()).isEqualTo(409);
    assertThat(api.timelineTypes(ticket)).contains("TASK_REASSIGNED");

    assertThat(api.as("head1").post("/api/tasks/" + moved.get("id").asLong() + "/complete",
        Map.of("decision", "APPROVE", "comment", "Long-standing customer")).status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> "ISSUED".equals(refundStatus(ticket, refundId)));
    assertThat(providerCalls(refundId)).isEqualTo(1);
  }
}
