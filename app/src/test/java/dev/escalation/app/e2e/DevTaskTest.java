package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.web.Sha256Signatures;
import dev.escalation.processes.TicketEscalation.Elements;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N3 end to end: a product bug's dev task in the internal tracker (embedded mode), the tracker
 * webhooks with their verification, and the fix-shipped notices, exactly once. The criteria decision
 * that sets {@code createDevTask} is not part of this branch, so the tests move the ticket's process
 * into its dev-task branch with a process instance modification, as the decision would.
 */
@EmbeddedAppTest
class DevTaskTest {
  @LocalServerPort int port;
  @Autowired CamundaClient engine;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private long openTicket(String email) {
    long id = api.open("P3", "TECHNICAL", email);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    return id;
  }

  private void enterDevTaskBranchAt(long ticketId, String elementId) {
    long processInstanceKey = api.ticket(ticketId).get("processInstanceKey").asLong();
    engine.newModifyProcessInstanceCommand(processInstanceKey).activateElement(elementId).send().join();
  }

  @Test
  void aBugsDevTaskIsFiledInTheInternalTrackerAndItsClosingTellsOwnerAndCustomerOnce() {
    // the real path: triage sees a product bug, the criteria ask for a dev task, the process files it
    long id = api.open(TicketApi.ticketRequest("P3", "TECHNICAL", "bug-internal@example.com", false,
        "Checkout fails with error 500", "Since this morning every checkout fails with error 500."));
    await().atMost(Duration.ofSeconds(20)).until(() -> !api.ticket(id).get("devTask").isNull());
    assertThat(api.ticket(id).get("criteria").get("ruleId").asText()).isEqualTo("product-bug-to-technical");
    JsonNode devTask = api.ticket(id).get("devTask");
    String key = devTask.get("key").asText();
    assertThat(key).matches("DEV-\\d+");
    assertThat(devTask.get("tracker").asText()).isEqualTo("INTERNAL");
    assertThat(devTask.get("state").asText()).isEqualTo("OPEN");
    assertThat(devTask.get("url").asText()).endsWith("/api/dev-tasks/" + key);

    JsonNode listed = null;
    for (JsonNode t : api.get("/api/dev-tasks").body()) {
      if (t.get("key").asText().equals(key)) {
        listed = t;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("ticketId").asLong()).isEqualTo(id);
    assertThat(listed.get("title").asText()).isEqualTo("[Support #" + id + "] Checkout fails with error 500");
    assertThat(listed.get("description").asText()).contains("/#/tickets/" + id).contains("every checkout fails with error 500");
    assertThat(api.get("/api/dev-tasks/" + key).status()).isEqualTo(200);
    JsonNode inList = null;
    for (JsonNode t : api.get("/api/tickets").body()) {
      if (t.get("id").asLong() == id) {
        inList = t;
      }
    }
    assertThat(inList).isNotNull();
    assertThat(inList.get("devTask").get("key").asText()).isEqualTo(key);
    assertThat(api.get("/api/dev-tasks/DEV-999999").status()).isEqualTo(404);

    var closed = api.post("/api/dev-tasks/" + key + "/close", "");
    assertThat(closed.status()).isEqualTo(202);
    var again = api.post("/api/dev-tasks/" + key + "/close", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).isEqualTo("application/problem+json");

    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "FIX_SHIPPED").size() == 1
        && api.notifications(id, "FIX_SHIPPED_OWNER").size() == 1);
    assertThat(api.ticket(id).get("devTask").get("state").asText()).isEqualTo("CLOSED");
    assertThat(api.timelineTypes(id)).containsSubsequence("DEV_TASK_CREATED", "DEV_TASK_CLOSED", "CUSTOMER_NOTIFIED", "OWNER_NOTIFIED");
    assertThat(api.timeline(id)).filteredOn(e -> e.get("type").asText().equals("DEV_TASK_CLOSED"))
        .singleElement().satisfies(e -> assertThat(e.get("actor").asText()).as("who closed it").isEqualTo("head1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> EmbeddedRuntime.mail().received().stream()
        .anyMatch(m -> m.to().contains("bug-internal@example.com") && m.subject().equals("A fix for your request #" + id + " has shipped")));
    assertThat(EmbeddedRuntime.mail().received())
        .filteredOn(m -> m.to().contains("bug-internal@example.com") && m.subject().contains("has shipped")).hasSize(1);
  }

  private long ticketWithExternalDevTask(String email, String tracker, String key) {
    long id = openTicket(email);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("INSERT INTO dev_task (ticket_id, tracker, task_key, url, state, title, description, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, 'OPEN', 'bug', 'bug', ?, ?)")
        .params(id, tracker, key, "https://tracker.example/" + key, now, now).update();
    enterDevTaskBranchAt(id, Elements.AWAIT_DEV_TASK_CLOSED);
    return id;
  }

  private static String githubClosed(int number, String stateReason) {
    return """
        {"action": "closed",
         "issue": {"number": %d, "state": "closed", "state_reason": "%s", "html_url": "https://github.com/octo/shop/issues/%1$d"},
         "repository": {"full_name": "octo/shop"},
         "sender": {"login": "dev-lead"}}""".formatted(number, stateReason);
  }

  @Test
  void githubsSignedClosedEventShipsTheFixOnceAndUnverifiedCallsAreRefused() throws Exception {
    int number = (int) (Math.random() * 1_000_000) + 1000;
    long id = ticketWithExternalDevTask("bug-github@example.com", "GITHUB", "octo/shop#" + number);
    String body = githubClosed(number, "completed");

    var unsigned = api.postRaw("/api/webhooks/github", body, Map.of("X-GitHub-Event", "issues"));
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.contentType()).isEqualTo("application/problem+json");
    assertThat(unsigned.body().get("detail").asText()).isEqualTo("the request is not authenticated"); // the log says why
    var forged = api.postRaw("/api/webhooks/github", body,
        Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", Sha256Signatures.header("not-the-secret", body.getBytes(StandardCharsets.UTF_8))));
    assertThat(forged.status()).isEqualTo(401);
    var tampered = api.postRaw("/api/webhooks/github", body.replace("dev-lead", "mallory"),
        Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", Sha256Signatures.header("e2e-github-secret", body.getBytes(StandardCharsets.UTF_8))));
    assertThat(tampered.status()).isEqualTo(401);

    String ping = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}";
    assertThat(api.postRaw("/api/webhooks/github", ping,
        Map.of("X-GitHub-Event", "ping", "X-Hub-Signature-256", Sha256Signatures.header("e2e-github-secret", ping.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(204);
    String unrelated = githubClosed(number + 1, "completed");
    assertThat(api.postRaw("/api/webhooks/github", unrelated,
        Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", Sha256Signatures.header("e2e-github-secret", unrelated.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(204);
    String notPlanned = githubClosed(number, "not_planned");
    assertThat(api.postRaw("/api/webhooks/github", notPlanned,
        Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", Sha256Signatures.header("e2e-github-secret", notPlanned.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(204);
    assertThat(api.ticket(id).get("devTask").get("state").asText()).isEqualTo("OPEN");

    Map<String, String> signed = Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", Sha256Signatures.header("e2e-github-secret", body.getBytes(StandardCharsets.UTF_8)));
    var accepted = api.postRaw("/api/webhooks/github", body, signed);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().get("ticketId").asLong()).isEqualTo(id);
    assertThat(api.postRaw("/api/webhooks/github", body, signed).status()).as("redelivery").isEqualTo(204);

    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "FIX_SHIPPED").size() == 1
        && api.notifications(id, "FIX_SHIPPED_OWNER").size() == 1);
    JsonNode devTask = api.ticket(id).get("devTask");
    assertThat(devTask.get("state").asText()).isEqualTo("CLOSED");
    assertThat(devTask.get("tracker").asText()).isEqualTo("GITHUB");
    assertThat(devTask.get("key").asText()).isEqualTo("octo/shop#" + number);
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
        .until(() -> api.notifications(id, "FIX_SHIPPED").size() == 1); // nothing more arrives
    assertThat(api.notifications(id, "FIX_SHIPPED")).hasSize(1);
    assertThat(api.get("/api/tickets/" + id + "/timeline").body().findValuesAsText("actor")).contains("github:dev-lead");
  }

  @Test
  void jirasIssueReachingADoneStatusShipsTheFixAndAWrongTokenIsRefused() throws Exception {
    String key = "SUP-" + ((int) (Math.random() * 1_000_000) + 1000);
    long id = ticketWithExternalDevTask("bug-jira@example.com", "JIRA", key);
    String inProgress = """
        {"webhookEvent": "jira:issue_updated", "user": {"displayName": "Dev Lead"},
         "issue": {"key": "%s", "fields": {"status": {"name": "In Progress", "statusCategory": {"key": "indeterminate"}}}}}
        """.formatted(key);
    String done = inProgress.replace("In Progress", "Done").replace("indeterminate", "done");

    assertThat(api.postRaw("/api/webhooks/jira", done, Map.of()).status()).isEqualTo(401);
    assertThat(api.postRaw("/api/webhooks/jira?token=wrong", done, Map.of()).status()).isEqualTo(401);
    assertThat(api.postRaw("/api/webhooks/jira?token=e2e-jira-secret", inProgress, Map.of()).status()).isEqualTo(204);
    assertThat(api.ticket(id).get("devTask").get("state").asText()).isEqualTo("OPEN");

    assertThat(api.postRaw("/api/webhooks/jira", done, Map.of("X-Hub-Signature", Sha256Signatures.header("not-the-secret", done.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(401);
    var accepted = api.postRaw("/api/webhooks/jira", done, Map.of("X-Hub-Signature", Sha256Signatures.header("e2e-jira-secret", done.getBytes(StandardCharsets.UTF_8))));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(api.postRaw("/api/webhooks/jira", done, Map.of("X-Webhook-Token", "e2e-jira-secret")).status()).as("redelivery").isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "FIX_SHIPPED").size() == 1);
    assertThat(api.ticket(id).get("devTask").get("state").asText()).isEqualTo("CLOSED");
    assertThat(api.notifications(id, "FIX_SHIPPED_OWNER")).hasSize(1);
  }
}
