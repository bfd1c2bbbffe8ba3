package dev.escalation.workers.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job's effects at most once (N4). The effects (ledger rows and outbox notifications) and
 * a {@code processed_job} row keyed by the job key commit in one transaction. A redelivered job
 * (same key: after a timeout, a lost completion, or a crash) finds that row and gets the recorded
 * result back, so nothing is written or sent twice. Two deliveries racing each other collide on
 * the primary key and the loser's transaction rolls back.
 *
 * <p>Jobs run concurrently, so two transactions can deadlock or lose an optimistic-lock race (two
 * tickets assigned to the same least-loaded agent at once). Such a loser rolls back completely and
 * runs again at once, a few times, instead of failing the job into a retry seconds later.
 *
 * <p>A job on a ticket first waits for the app's command on that ticket that may still be
 * committing ({@link TicketRowLock}), so it sees what caused it.
 */
@Component
public class OnceOnly {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final int CONCURRENCY_ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  /** Results are small maps of strings, numbers and booleans; no app-wide mapper settings apply. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;
  private final TicketRowLock ticketLock;

  OnceOnly(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, TicketRowLock ticketLock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.ticketLock = ticketLock;
  }

  public Map<String, Object> run(ActivatedJob job, Long ticketId, Supplier<Map<String, Object>> effects) {
    return run(job.getKey(), job.getType(), ticketId, JobElement.of(job), effects);
  }

  public Map<String, Object> run(long jobKey, String jobType, Long ticketId, Supplier<Map<String, Object>> effects) {
    return run(jobKey, jobType, ticketId, JobElement.NONE, effects);
  }

  private Map<String, Object> run(long jobKey, String jobType, Long ticketId, JobElement element,
      Supplier<Map<String, Object>> effects) {
    Optional<Map<String, Object>> earlier = recorded(jobKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (ticketId != null) {
      ticketLock.awaitCommandsInFlight(ticketId);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return once(jobKey, jobType, ticketId, element, effects);
      } catch (RuntimeException e) {
        if (attempt >= CONCURRENCY_ATTEMPTS || !lostAConcurrencyRace(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private Map<String, Object> once(long jobKey, String jobType, Long ticketId, JobElement element,
      Supplier<Map<String, Object>> effects) {
    try {
      return transactions.execute(status -> {
        Map<String, Object> result = effects.get();
        jdbc.sql("""
                INSERT INTO processed_job (job_key, job_type, ticket_id, result, processed_at, bpmn_process_id, element_id,
                    process_definition_key, process_instance_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(jobKey, jobType, ticketId, write(result), Timestamp.from(clock.instant()), element.bpmnProcessId(),
                element.elementId(), element.processDefinitionKey(), element.processInstanceKey())
            .update();
        return result;
      });
    } catch (DuplicateKeyException raced) {
      return recorded(jobKey).orElseThrow(() -> raced);
    }
  }

  static boolean lostAConcurrencyRace(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConcurrencyFailureException || cause instanceof SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a job's transaction", interrupted);
    }
  }

  /** Whether a job's effects were committed (for tests and diagnostics). */
  public boolean wasProcessed(long jobKey) {
    return recorded(jobKey).isPresent();
  }

  private Optional<Map<String, Object>> recorded(long jobKey) {
    return jdbc.sql("SELECT result FROM processed_job WHERE job_key = ?")
        .param(jobKey)
        .query(String.class)
        .optional()
        .map(this::read);
  }

  private String write(Map<String, Object> result) {
    try {
      return JSON.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job result is not serialisable: " + result, e);
    }
  }

  private Map<String, Object> read(String stored) {
    try {
      return JSON.readValue(stored, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored job result is not JSON: " + stored, e);
    }
  }

  /** Where in which process a job was (the ticket's process map reads it back); unknown for jobs run without one. */
  private record JobElement(String bpmnProcessId, String elementId, Long processDefinitionKey, Long processInstanceKey) {
    static final JobElement NONE = new JobElement(null, null, null, null);

    static JobElement of(ActivatedJob job) {
      return new JobElement(job.getBpmnProcessId(), job.getElementId(), job.getProcessDefinitionKey(), job.getProcessInstanceKey());
    }
  }
}
