package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A3 end to end: an escalated ticket's resolution brings a review task; the answers reach reporting. */
@EmbeddedAppTest
class EscalationReviewTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  private Optional<JsonNode> reviewTask(String user, long ticketId) {
    List<JsonNode> tasks = new ArrayList<>();
    api.as(user).get("/api/tasks").body().forEach(tasks::add);
    return tasks.stream()
        .filter(t -> "ESCALATION_REVIEW".equals(t.get("kind").asText()) && t.get("ticket").get("id").asLong() == ticketId)
        .findFirst();
  }

  private long openAndResolve(String email, boolean escalate) {
    long id = api.open("P3", "TECHNICAL", email);
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    if (escalate) {
      assertThat(api.post("/api/tickets/" + id + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "Sync fails",
          "attempted", "Restarted the sync", "need", "A specialist look at the logs", "overrideReason", "Customer is blocked")).status())
          .isEqualTo(202);
      await().atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 2 && api.clockStarts(id) == 2);
    }
    assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Fixed the sync configuration")).status())
        .isEqualTo(202);
    await().atMost(WAIT).until(() -> api.timelineTypes(id).contains("RESOLVED"));
    return id;
  }

  @Test
  void anEscalatedTicketsResolutionBringsAReviewWhoseAnswersReachReporting() {
    long escalated = openAndResolve("review-escalated@example.com", true);
    long plain = openAndResolve("review-plain@example.com", false);

    await().atMost(WAIT).until(() -> reviewTask("manager1", escalated).isPresent());
    JsonNode task = reviewTask("manager1", escalated).orElseThrow();
    assertThat(task.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("managers");
    assertThat(task.get("formKey").asText()).isNotBlank();
    assertThat(reviewTask("head1", escalated)).isPresent();
    assertThat(reviewTask("manager1", plain)).isEmpty();
    assertThat(api.as("agent1").get("/api/tasks").body()).isEmpty();
    assertThat(api.timelineTypes(escalated)).contains("REVIEW_REQUESTED");
    assertThat(api.timelineTypes(plain)).doesNotContain("REVIEW_REQUESTED");
    long taskId = task.get("id").asLong();

    TicketApi.Response badCause = api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("avoidable", true, "rootCause", "BAD_LUCK", "whatWouldHaveHelped", "x"));
    assertThat(badCause.status()).isEqualTo(400);
    assertThat(badCause.body().get("errors").get(0).get("field").asText()).isEqualTo("rootCause");
    TicketApi.Response missing = api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("rootCause", "KNOWLEDGE_GAP", "whatWouldHaveHelped", "x"));
    assertThat(missing.body().get("errors").get(0).get("field").asText()).isEqualTo("avoidable");

    TicketApi.Response done = api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("avoidable", true, "rootCause", "KNOWLEDGE_GAP", "whatWouldHaveHelped", "A runbook for sync failures"));
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(api.as("manager1").post("/api/tasks/" + taskId + "/complete",
        Map.of("avoidable", true, "rootCause", "KNOWLEDGE_GAP", "whatWouldHaveHelped", "again")).status()).isEqualTo(409);

    await().atMost(WAIT).until(() -> api.timelineTypes(escalated).contains("REVIEW_RECORDED"));
    assertThat(reviewTask("manager1", escalated)).isEmpty();
    JsonNode reviews = api.as("manager2").get("/api/reviews").body();
    JsonNode mine = null;
    for (JsonNode r : reviews.get("reviews")) {
      if (r.get("ticketId").asLong() == escalated) {
        mine = r;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("status").asText()).isEqualTo("DONE");
    assertThat(mine.get("reviewer").asText()).isEqualTo("manager1");
    assertThat(mine.get("avoidable").asBoolean()).isTrue();
    assertThat(mine.get("rootCause").asText()).isEqualTo("KNOWLEDGE_GAP");
    assertThat(mine.get("whatWouldHaveHelped").asText()).isEqualTo("A runbook for sync failures");
    assertThat(reviews.get("byRootCause").get("KNOWLEDGE_GAP").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(api.as("agent1").get("/api/reviews").status()).isEqualTo(403);
    assertThat(api.anonymous().get("/api/reviews").status()).isEqualTo(401);

    // The review never held up the ticket: it can still be reopened.
    assertThat(api.post("/api/tickets/" + escalated + "/reopen", Map.of("reason", "Broke again")).status()).isEqualTo(202);
    await().atMost(WAIT).until(() -> api.timelineTypes(escalated).contains("REOPENED"));
  }
}
