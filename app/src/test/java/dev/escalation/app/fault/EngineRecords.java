package dev.escalation.app.fault;

import dev.escalation.app.embedded.EmbeddedRuntime;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** What the in-memory engine recorded: job state changes and incidents of given process instances. */
final class EngineRecords {
  private EngineRecords() {}

  /** A job state change; {@code at} is the engine's clock when it was written. */
  record JobEvent(long key, Intent intent, JobRecordValue value, Instant at) {}

  static List<JobEvent> jobs(Collection<Long> instances, String jobType, Intent intent) {
    return records()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == intent)
        .map(r -> new JobEvent(r.getKey(), r.getIntent(), (JobRecordValue) r.getValue(), Instant.ofEpochMilli(r.getTimestamp())))
        .filter(j -> instances.contains(j.value().getProcessInstanceKey()) && jobType.equals(j.value().getType()))
        .toList();
  }

  /** Every job of these instances the engine recorded as completed, of any type. */
  static List<JobEvent> completedJobs(Collection<Long> instances) {
    return records()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.COMPLETED)
        .map(r -> new JobEvent(r.getKey(), r.getIntent(), (JobRecordValue) r.getValue(), Instant.ofEpochMilli(r.getTimestamp())))
        .filter(j -> instances.contains(j.value().getProcessInstanceKey()))
        .toList();
  }

  static List<IncidentRecordValue> incidents(Collection<Long> instances) {
    return records()
        .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(i -> instances.contains(i.getProcessInstanceKey()))
        .toList();
  }

  /**
   * A snapshot of the engine's records. The in-memory engine appends to a plain list on its own
   * threads, so a read that races an append can see a slot not filled yet (a NullPointerException
   * deep in the reader); reading again a moment later sees it filled.
   */
  private static Stream<Record<?>> records() {
    for (int attempt = 1; ; attempt++) {
      try {
        List<Record<?>> all = new ArrayList<>();
        EmbeddedRuntime.engine().getRecordStreamSource().getRecords().forEach(all::add);
        return all.stream();
      } catch (RuntimeException torn) {
        if (attempt == 5) {
          throw torn;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw torn;
        }
      }
    }
  }
}
