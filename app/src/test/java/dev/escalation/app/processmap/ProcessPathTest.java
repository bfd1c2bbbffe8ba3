package dev.escalation.app.processmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The path inferred on the deployed ticket-escalation model from the elements the ledger saw. */
class ProcessPathTest {
  private final ProcessPath path = new ProcessPath(model());

  private static io.camunda.zeebe.model.bpmn.BpmnModelInstance model() {
    try (InputStream in = ProcessPathTest.class.getClassLoader().getResourceAsStream(ProcessMap.RESOURCE)) {
      return Bpmn.readModelFromStream(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRecordedResolutionBreachMeansTheDueTimerFiredAndTheErrorLeftTheTierWorkThroughItsBoundaryEvent() {
    Set<String> passed = path.passed(List.of("TicketOpenedStartEvent", "AssignOwnerTask", "StartSlaClocksTask", "RecordResolutionBreachTask"));
    assertThat(passed).contains("ResolutionSlaBreachedBoundaryEvent",
        "ResolutionSlaBreachedEndEvent", "ResolutionDueToResolutionSlaBreachedFlow", "ResolutionDueTimerEvent", "TierWorkSubProcess",
        "TierWorkStartEvent", "AssignOwnerToStartSlaClocksFlow");
    // the response side did not breach: nothing of its error path is marked
    assertThat(passed).doesNotContain("ResponseSlaBreachedBoundaryEvent", "ResponseSlaBreachedEndEvent", "ResponseSlaDueBoundaryEvent",
        "RecordResponseBreachTask");
  }

  @Test
  void unknownIdsAreIgnoredAndNothingIsInferredFromNothing() {
    assertThat(path.passed(List.of("NoSuchElement"))).isEmpty();
  }

  @Test
  void whereTheProcessWaitsFollowsTheTicketsStatusAndClocks() {
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("OPEN", "RUNNING", 1L, false)))
        .containsExactly("AwaitFirstResponseReceiveTask");
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("OPEN", "MET", 1L, true)))
        .containsExactly("AwaitOwnerActionReceiveTask", "AwaitDevTaskClosedReceiveTask");
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("OPEN", "NOT_STARTED", 1L, false))).isEmpty();
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("WAITING_ON_CUSTOMER", "PAUSED", 1L, false)))
        .containsExactly("AwaitCustomerReplyReceiveTask");
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("RESOLVED", "MET", 1L, false))).containsExactly("AwaitReopenReceiveTask");
    assertThat(ProcessMap.waitingIn(new ProcessMapQueries.TicketState("CLOSED", "MET", 1L, true))).isEmpty();
  }
}
