package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.processes.TicketEscalation;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A side effect that keeps failing becomes retries with backoff, then an incident that says what to fix. */
@EmbeddedAppTest
class IncidentTest {
  @LocalServerPort int port;
  @Autowired CamundaClient client;

  @Test
  void aWorkerThatCannotDoItsJobRetriesWithBackoffThenRaisesAnActionableIncident() {
    long missingTicket = 987_654_321L;
    long instance = client.newCreateInstanceCommand()
        .bpmnProcessId(TicketEscalation.PROCESS_ID).latestVersion()
        .variables(Map.of("ticketId", missingTicket, "priority", "P1", "tier", 1, "assignmentReason", "OPENED"))
        .send().join().getProcessInstanceKey();
    TicketApi api = new TicketApi(port);

    await().atMost(Duration.ofSeconds(60)).until(() -> !failures(instance).isEmpty());
    assertThat(failures(instance).get(0).getRetries()).isEqualTo(4);
    assertThat(failures(instance).get(0).getRetryBackoff()).isEqualTo(2_000L);

    for (int i = 0; i < 6 && incident(instance).isEmpty(); i++) {
      api.advanceClock("PT1M"); // the backoff is engine time: 2 s, 4 s, 8 s, 16 s
      await().atMost(Duration.ofSeconds(10)).until(() -> !incident(instance).isEmpty() || !failures(instance).isEmpty());
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> incident(instance).isPresent());
    assertThat(failures(instance)).extracting(JobRecordValue::getRetryBackoff).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 32_000L);
    // the first job of the process is the triage of the ticket text (before it, assign-owner was)
    assertThat(incident(instance).get().getElementId()).isEqualTo("TriageTicketTask");
    assertThat(incident(instance).get().getErrorMessage()).isEqualTo(
        "triage failed for ticket 987654321: ticket 987654321 is not in the ledger."
            + " What to do: check that the app that started the process and this worker use the same database (spring.datasource.url)."
            + " Fix the cause, then increase the job's retries in Operate to run it again.");
  }

  @SuppressWarnings("unchecked")
  private static List<JobRecordValue> failures(long instance) {
    return records()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(j -> j.getProcessInstanceKey() == instance)
        .toList();
  }

  private static Optional<IncidentRecordValue> incident(long instance) {
    return records()
        .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(i -> i.getProcessInstanceKey() == instance)
        .findFirst();
  }

  private static java.util.stream.Stream<Record<?>> records() {
    return StreamSupport.stream(EmbeddedRuntime.engine().getRecordStreamSource().getRecords().spliterator(), false);
  }
}
