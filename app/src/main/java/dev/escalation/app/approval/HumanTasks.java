package dev.escalation.app.approval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.processes.EscalationReview;
import dev.escalation.processes.RefundApproval;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.grpc.Status;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * THE one place that knows how user tasks are implemented: as job-worker-based user tasks (job type
 * {@code io.camunda.zeebe:userTask}, no {@code zeebe:userTask} element in the models), because the
 * in-memory engine has no Camunda user-task API. It activates those jobs and keeps each as a row in
 * {@code human_task} (the inbox), and completes a task by completing its job. Tasklist in V1 mode
 * shows and completes the very same jobs (task id = job key).
 *
 * <p>Moving to Camunda user tasks later means: add {@code <zeebe:userTask/>} to the models, and
 * replace this class's worker with a user-task listener or a {@code /v2/user-tasks} search, and
 * {@link #complete} with {@code newCompleteUserTaskCommand}. Nothing else in the app changes.
 */
@Component
public class HumanTasks { // public: the client invokes the worker method reflectively
  static final String JOB_TYPE = RefundApproval.USER_TASK_JOB_TYPE;
  static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
  static final String FORM_KEY_HEADER = "io.camunda.zeebe:formKey";
  /** The activation only tells us the task exists; when it lapses the job is activated (and upserted) again. */
  static final long ACTIVATION_TIMEOUT_MS = 10 * 60 * 1000;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HumanTasks.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> NAMES = Map.of(
      RefundApproval.Elements.APPROVE_REFUND, "Approve refund",
      RefundApproval.Elements.APPROVE_AS_HEAD_OF_SUPPORT, "Approve refund (moved to head of support)",
      EscalationReview.Elements.REVIEW_ESCALATION, "Review the escalation");

  enum Kind { REFUND_APPROVAL, ESCALATION_REVIEW, OTHER }

  enum Outcome { COMPLETED, GONE }

  private final CamundaClient client;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final Clock clock;

  HumanTasks(CamundaClient client, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
    this.client = client;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A user task became active. User-task jobs have a single retry, so a failure here must not fail the
   * job (that would raise an incident at once): it is logged, and the lapsed activation brings the job back.
   */
  @JobWorker(type = JOB_TYPE, autoComplete = false, timeout = ACTIVATION_TIMEOUT_MS, fetchAllVariables = true)
  public void taskCreated(ActivatedJob job) {
    try {
      store(job);
    } catch (RuntimeException e) {
      log.warn("could not record user task {} ({}) in the inbox; it is picked up again when its activation lapses in {} min",
          job.getKey(), job.getElementId(), ACTIVATION_TIMEOUT_MS / 60_000, e);
    }
  }

  private void store(ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    Kind kind = vars.containsKey(EscalationReview.Variables.REVIEW_ID) ? Kind.ESCALATION_REVIEW
        : vars.containsKey(RefundApproval.Variables.REFUND_REQUEST_ID) ? Kind.REFUND_APPROVAL : Kind.OTHER;
    long subjectId = number(vars.get(kind == Kind.ESCALATION_REVIEW ? EscalationReview.Variables.REVIEW_ID : RefundApproval.Variables.REFUND_REQUEST_ID));
    Object ticketId = vars.get(RefundApproval.Variables.TICKET_ID);
    String groups = String.join(",", groups(job.getCustomHeaders().get(CANDIDATE_GROUPS_HEADER)));
    String name = NAMES.getOrDefault(job.getElementId(), kind == Kind.ESCALATION_REVIEW ? "Review escalation" : job.getElementId());
    transactions.executeWithoutResult(status -> {
      int inserted = jdbc.sql("""
              INSERT IGNORE INTO human_task (id, kind, element_id, name, process_instance_key, ticket_id, subject_id,
                                             candidate_groups, form_key, status, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
          .params(job.getKey(), kind.name(), job.getElementId(), name, job.getProcessInstanceKey(),
              ticketId == null ? null : number(ticketId), subjectId, groups, job.getCustomHeaders().get(FORM_KEY_HEADER),
              Timestamp.from(clock.instant()))
          .update();
      if (inserted == 1 && kind != Kind.OTHER) {
        // A newer task for the same subject replaces the older one (the A2 timer moved it on).
        int superseded = jdbc.sql("""
                UPDATE human_task SET status = 'SUPERSEDED'
                WHERE kind = ? AND subject_id = ? AND id <> ? AND status = 'OPEN'""")
            .params(kind.name(), subjectId, job.getKey()).update();
        if (superseded > 0 && ticketId != null) {
          audit.record(number(ticketId), AuditEventType.TASK_REASSIGNED, AuditTrail.SYSTEM,
              name + " (task " + job.getKey() + ") moved to " + groups + ": nobody answered in time");
        }
      }
    });
  }

  /**
   * Completes the task's job with the given variables. {@link Outcome#GONE} when the engine no longer
   * has it: completed elsewhere (Tasklist), moved on by a timer, or its process ended.
   */
  Outcome complete(long taskId, Map<String, Object> variables) {
    try {
      client.newCompleteCommand(taskId).variables(variables).send().join();
      return Outcome.COMPLETED;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        return Outcome.GONE;
      }
      throw e;
    }
  }

  private static List<String> groups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(header, new TypeReference<List<String>>() {});
    } catch (Exception notJson) {
      return List.of(header.split("\\s*,\\s*"));
    }
  }

  private static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    return Optional.ofNullable(value).map(Object::toString).map(Long::parseLong).orElse(0L);
  }
}
