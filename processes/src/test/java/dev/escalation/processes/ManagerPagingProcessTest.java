package dev.escalation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.ManagerPaging.Elements;
import dev.escalation.processes.ManagerPaging.JobTypes;
import dev.escalation.processes.ManagerPaging.Messages;
import dev.escalation.processes.ManagerPaging.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** N2: re-paging with timers read from variables, on both sides of each deadline; acknowledgement stops it. */
@ZeebeProcessTest
class ManagerPagingProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  EngineClock clock;

  @BeforeEach
  void deploy() {
    clock = new EngineClock(engine);
    client.newDeployResourceCommand().addResourceFromClasspath(ManagerPaging.RESOURCE).send().join();
  }

  private void requestPage(long pageId) {
    client.newPublishMessageCommand().messageName(Messages.PAGE_REQUESTED).correlationKey(Long.toString(pageId))
        .messageId("page-requested:" + pageId).variables(Map.of(Variables.PAGE_ID, pageId, Variables.TICKET_ID, 42))
        .send().join();
    clock.idle();
  }

  private List<ActivatedJob> jobs(String type) {
    clock.idle();
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofMinutes(1)).send().join().getJobs();
  }

  /** Plays send-page: completes it with the next attempt, a re-page in 5 minutes and the pages left. */
  private Map<String, Object> sendPage(int pagesLeft) {
    List<ActivatedJob> open = jobs(JobTypes.SEND_PAGE);
    assertThat(open).hasSize(1);
    Map<String, Object> seen = open.get(0).getVariablesAsMap();
    int attempt = ((Number) seen.getOrDefault(Variables.ATTEMPT, 0)).intValue() + 1;
    client.newCompleteCommand(open.get(0).getKey()).variables(Map.of(
        Variables.ATTEMPT, attempt,
        Variables.REPAGE_AT, clock.now().plus(Duration.ofMinutes(5)).toString(),
        Variables.PAGES_LEFT, pagesLeft)).send().join();
    clock.idle();
    return seen;
  }

  private void acknowledge(long pageId) {
    client.newPublishMessageCommand().messageName(Messages.PAGE_ACKNOWLEDGED).correlationKey(Long.toString(pageId))
        .timeToLive(Duration.ofMinutes(10)).send().join();
    clock.idle();
  }

  private ProcessInstanceAssert instance(long pageId) {
    clock.idle();
    long key = StreamSupport.stream(BpmnAssert.getRecordStream().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(Record::getValue)
        .filter(v -> v.getBpmnElementType().name().equals("PROCESS") && v.getBpmnProcessId().equals(ManagerPaging.PROCESS_ID))
        .map(ProcessInstanceRecordValue::getProcessInstanceKey)
        .reduce((a, b) -> b).orElseThrow();
    return new ProcessInstanceAssert(key, BpmnAssert.getRecordStream());
  }

  @Test
  void anAcknowledgedPageIsNotRepaged() {
    requestPage(1);
    Map<String, Object> first = sendPage(3);
    assertThat(first).containsEntry(Variables.PAGE_ID, 1).doesNotContainKey(Variables.ATTEMPT);

    clock.advance(Duration.ofMinutes(4)); // before repageAt
    assertThat(jobs(JobTypes.SEND_PAGE)).isEmpty();
    acknowledge(1);
    clock.advance(Duration.ofMinutes(10)); // well past the old repageAt
    assertThat(jobs(JobTypes.SEND_PAGE)).isEmpty();
    instance(1).hasPassedElementsInOrder(Elements.SEND_PAGE, Elements.PAGE_ACKNOWLEDGED, Elements.ACKNOWLEDGED_END)
        .hasNotPassedElement(Elements.REPAGE_DUE).isCompleted();
  }

  @Test
  void anUnacknowledgedPageRepagesAtRepageAtAndNotBefore() {
    requestPage(2);
    sendPage(3);
    clock.advance(Duration.ofMinutes(5).minusSeconds(10));
    assertThat(jobs(JobTypes.SEND_PAGE)).as("before repageAt").isEmpty();
    clock.advance(Duration.ofSeconds(20));
    Map<String, Object> second = sendPage(2);
    assertThat(second).containsEntry(Variables.ATTEMPT, 1);
    instance(2).hasPassedElement(Elements.REPAGE_DUE, 1).hasPassedElement(Elements.SEND_PAGE, 2).isActive();

    acknowledge(2); // the second page is answered
    clock.advance(Duration.ofMinutes(30));
    assertThat(jobs(JobTypes.SEND_PAGE)).isEmpty();
    instance(2).hasPassedElement(Elements.ACKNOWLEDGED_END).isCompleted();
  }

  @Test
  void repeatsAreBoundedThenTheUnansweredPageIsRecorded() {
    requestPage(3);
    sendPage(2);
    clock.advance(Duration.ofMinutes(6));
    sendPage(1);
    clock.advance(Duration.ofMinutes(6));
    assertThat(sendPage(0)).containsEntry(Variables.ATTEMPT, 2);
    clock.advance(Duration.ofMinutes(4));
    assertThat(jobs(JobTypes.RECORD_PAGE_UNANSWERED)).as("before the last repageAt").isEmpty();
    clock.advance(Duration.ofMinutes(2));
    List<ActivatedJob> unanswered = jobs(JobTypes.RECORD_PAGE_UNANSWERED);
    assertThat(unanswered).hasSize(1);
    client.newCompleteCommand(unanswered.get(0).getKey()).send().join();
    clock.advance(Duration.ofHours(1));
    assertThat(jobs(JobTypes.SEND_PAGE)).as("no storm").isEmpty();
    instance(3).hasPassedElement(Elements.SEND_PAGE, 3).hasPassedElement(Elements.RECORD_PAGE_UNANSWERED)
        .hasPassedElement(Elements.UNANSWERED_END).isCompleted();
  }

  @Test
  void theSamePageRequestedTwiceStartsOnePaging() {
    requestPage(4);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> requestPage(4)).hasMessageContaining("ALREADY_EXISTS");
    assertThat(jobs(JobTypes.SEND_PAGE)).hasSize(1);
  }

  @Test
  void anAcknowledgementArrivingWhileThePageIsBeingSentStillStopsIt() {
    requestPage(5);
    acknowledge(5); // buffered: send-page has not completed yet
    sendPage(3);
    clock.advance(Duration.ofMinutes(10));
    assertThat(jobs(JobTypes.SEND_PAGE)).isEmpty();
    instance(5).hasPassedElement(Elements.ACKNOWLEDGED_END).isCompleted();
  }
}
