package dev.escalation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one ticket through {@code ticket-escalation} with the test playing every worker, so that
 * each test reads as the sequence of side-effect jobs the process asks for.
 */
public final class TicketProcessDriver {
  private final ZeebeClient client;
  private final EngineClock clock;
  private final List<String> jobLog = new ArrayList<>();
  private long ticketId;
  private long processInstanceKey;
  /** The handoff the process is at, as the escalate-ticket and reopen-ticket completions told it. */
  private int handoff;

  public TicketProcessDriver(ZeebeTestEngine engine, ZeebeClient client) {
    this(engine, client, true);
  }

  /** {@code deploy} false: drive what is already deployed (for tests that deploy a changed version). */
  public TicketProcessDriver(ZeebeTestEngine engine, ZeebeClient client, boolean deploy) {
    this.client = client;
    this.clock = new EngineClock(engine);
    if (!deploy) {
      return;
    }
    // One deployment: the business rule tasks bind the decision deployed with the process (bindingType deployment).
    client.newDeployResourceCommand()
        .addResourceFromClasspath(TicketEscalation.RESOURCE)
        .addResourceFromClasspath(TicketEscalation.Criteria.RESOURCE)
        .addResourceFromClasspath(TicketEscalation.SlaPolicy.RESOURCE)
        // The first deployment of a test JVM parses every model and table: on a busy machine that takes more than the default 10 s.
        .requestTimeout(Duration.ofMinutes(1))
        .send()
        .join();
  }

  public EngineClock clock() {
    return clock;
  }

  /** Side-effect jobs completed so far, in order, as "job-type" or "job-type:clock". */
  public List<String> jobLog() {
    return jobLog;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public ProcessInstanceAssert instance() {
    clock.idle();
    return new ProcessInstanceAssert(processInstanceKey, BpmnAssert.getRecordStream());
  }

  /**
   * Opens the ticket and plays the triage (no signal) and apply-criteria (nothing changed) workers, so
   * the process waits at assign-owner; those two jobs are not in {@link #jobLog()}.
   */
  public void open(long ticketId, String priority) {
    open(ticketId, priority, Map.of());
  }

  /**
   * Opens with triage and apply-criteria completed as for a plain ticket; {@code extra} variables
   * (e.g. {@code createDevTask}, {@code pageManager}) are set by apply-criteria's completion, after
   * the criteria decision, as if the decision had produced them.
   */
  public void open(long ticketId, String priority, Map<String, Object> extra) {
    start(ticketId, priority);
    completeUnlogged(JobTypes.TRIAGE, neutralTriage());
    completeUnlogged(JobTypes.APPLY_CRITERIA, extra);
  }

  /** The triage result of a plain ticket: no risk signal, neutral sentiment, a weekday. */
  public static Map<String, Object> neutralTriage() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.VIP, false);
    vars.put(Variables.ANNUAL_REVENUE, 0);
    vars.put(Variables.SENTIMENT_SCORE, 0.0);
    vars.put(Variables.CHURN_RISK, false);
    vars.put(Variables.LEGAL_RISK, false);
    vars.put(Variables.BUG_SIGNAL, false);
    vars.put(Variables.CATEGORY, "BILLING");
    vars.put(Variables.CHANNEL, "email");
    vars.put(Variables.WEEKEND, false);
    vars.put(Variables.LANGUAGE, "en");
    vars.put(Variables.PLAN, "STANDARD");
    return vars;
  }

  private void completeUnlogged(String jobType, Map<String, Object> result) {
    ActivatedJob job = single(jobType);
    client.newCompleteCommand(job.getKey()).variables(result).send().join();
    clock.idle();
  }

  /** Creates the instance only: the process then waits at the triage job. */
  public void start(long ticketId, String priority) {
    this.ticketId = ticketId;
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.TICKET_ID, ticketId);
    vars.put(Variables.PRIORITY, priority);
    vars.put(Variables.TIER, 1);
    vars.put(Variables.HANDOFF, 0);
    vars.put(Variables.ASSIGNMENT_REASON, AssignmentReasons.OPENED);
    processInstanceKey =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(TicketEscalation.PROCESS_ID)
            .latestVersion()
            .variables(vars)
            .send()
            .join()
            .getProcessInstanceKey();
    clock.idle();
  }

  /** Completes the one open job of this type and returns its variables (as the worker sees them). */
  public Map<String, Object> complete(String jobType, Map<String, Object> result) {
    ActivatedJob job = single(jobType);
    Map<String, Object> seen = job.getVariablesAsMap();
    client.newCompleteCommand(job.getKey()).variables(result).send().join();
    if (result.get(Variables.HANDOFF) instanceof Integer next) {
      handoff = next;
    }
    Object clockName = seen.get(Variables.CLOCK);
    jobLog.add(clockName == null ? jobType : jobType + ":" + clockName);
    clock.idle();
    return seen;
  }

  public Map<String, Object> complete(String jobType) {
    return complete(jobType, Map.of());
  }

  /** Asserts that no job of this type is waiting. */
  public void assertNoJob(String jobType) {
    clock.idle();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(jobType)
            .maxJobsToActivate(10)
            .timeout(Duration.ofMillis(1))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("open jobs of type %s", jobType).isEmpty();
  }

  private ActivatedJob single(String jobType) {
    clock.idle();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(jobType)
            .maxJobsToActivate(10)
            .timeout(Duration.ofMinutes(10))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("open jobs of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  /** The clocks as a start-sla-clocks or resume-sla-clocks worker would return them. */
  public static Map<String, Object> clocks(
      Instant responseWarningAt, Instant responseDueAt, Instant resolutionWarningAt, Instant resolutionDueAt) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.RESPONSE_CLOCK_RUNNING, responseDueAt != null);
    vars.put(Variables.RESOLUTION_CLOCK_RUNNING, resolutionDueAt != null);
    vars.put(Variables.RESPONSE_WARNING_AT, iso(responseWarningAt));
    vars.put(Variables.RESPONSE_DUE_AT, iso(responseDueAt));
    vars.put(Variables.RESOLUTION_WARNING_AT, iso(resolutionWarningAt));
    vars.put(Variables.RESOLUTION_DUE_AT, iso(resolutionDueAt));
    return vars;
  }

  /** P1 clocks (15 min response, 4 h resolution, 24/7) started now. */
  public Map<String, Object> p1ClocksFromNow() {
    Instant now = clock.now();
    return clocks(
        now.plusSeconds(675), now.plusSeconds(900), now.plus(Duration.ofMinutes(180)), now.plus(Duration.ofHours(4)));
  }

  /** Runs the opening: assign-owner, start-sla-clocks with the given clocks, acknowledge-ticket. */
  public void openAndAcknowledge(long ticketId, String priority, Map<String, Object> clocks) {
    open(ticketId, priority);
    complete(JobTypes.ASSIGN_OWNER);
    complete(JobTypes.START_SLA_CLOCKS, clocks);
    complete(JobTypes.ACKNOWLEDGE_TICKET);
  }

  /** The owner acts at the current handoff, unless {@code extra} names another {@code actionHandoff}. */
  public void ownerActs(String action, Map<String, Object> extra) {
    Map<String, Object> vars = new HashMap<>(extra);
    vars.put(Variables.ACTION, action);
    vars.putIfAbsent(Variables.ACTION_HANDOFF, handoff);
    publish(Messages.OWNER_ACTION, vars);
  }

  public void ownerActs(String action) {
    ownerActs(action, Map.of());
  }

  public void recordAttempt() {
    ownerActs(Actions.ATTEMPT);
  }

  public void publish(String message, Map<String, Object> vars) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(Long.toString(ticketId))
        .variables(vars)
        .send()
        .join();
    clock.idle();
  }

  public static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
