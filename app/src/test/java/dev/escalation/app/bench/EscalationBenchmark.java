package dev.escalation.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import dev.escalation.app.EscalationApplication;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import dev.escalation.app.metrics.EscalationMetrics;
import dev.escalation.app.metrics.MetricsProperties;
import dev.escalation.app.metrics.ReferenceMetrics;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.spring.properties.CamundaClientJobWorkerProperties;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The benchmark of the issue "Proof under load and faults": not a timed test, a rerunnable
 * command. Runs the real app with the embedded runtime (in-memory engine, MariaDB, SMTP), with the
 * real notify-customer-of-escalation worker (not the crash-once wrapper of the end-to-end tests):
 *
 * <ol>
 *   <li>pipeline vs bare engine: tickets through open, assign, clocks, acknowledge, an attempt,
 *       resolve and the resolve-ticket job, against a bare model with as many service tasks and
 *       no-op workers with the same settings, on the same engine; and the CPU the app spends per
 *       ticket outside the engine ({@link CpuSample});
 *   <li>breach storm: open P1 tickets, move the clock 16 minutes, time each ticket from the move to
 *       its handoff and its escalation notice in the outbox; the app's and the engine's CPU per breach;
 *   <li>limit: the open-ticket count grows in steps until opening a ticket or an owner action passes
 *       one second at p95 (the in-memory engine's commands cost time in proportion to all it holds);
 *       the heap at each step;
 *   <li>reporting at scale: a million tickets bulk-loaded into a database of their own, then a
 *       ticket's timeline and the escalation metrics over 30 days.
 * </ol>
 *
 * {@code ./mvnw -pl app -am verify -Pbenchmark -Dtest=EscalationBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * prints one table to stdout (progress goes to stderr) and writes {@code app/target/bench/results.json}.
 * Sizes (defaults): {@code -Dbench.instances=100 -Dbench.warmup=20 -Dbench.storm=150 -Dbench.limitFirstStep=100
 * -Dbench.limitMax=16000 -Dbench.limitProbes=20 -Dbench.limitMinutes=10 -Dbench.reportingTickets=1000000
 * -Dbench.timelineQueries=200 -Dbench.metricsRuns=25 -Dbench.clients=8};
 * {@code -Dbench.phases=pipeline,storm,limit,reporting} runs a subset; {@code -Dbench.phases=queue} (W1/W4, with
 * {@code -Dbench.queueTickets=100000 -Dbench.queueQueries=50 -Dbench.queueEvents=20}) runs only when named. docs/benchmark.md explains the figures.
 */
@Tag("benchmark")
@SpringBootTest(
    classes = {EscalationApplication.class, EmbeddedRuntimeConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "escalation.outbox.poll-interval=PT0.2S",
      "logging.level.root=WARN",
      "logging.level.org.springframework.boot.test=ERROR",
      "spring.main.banner-mode=off"
    })
@ContextConfiguration(initializers = EmbeddedRuntimeInitializer.class)
@DirtiesContext // closes the app before the JVM's shutdown hooks stop the embedded MariaDB under it
class EscalationBenchmark {
  private static final Path OUT = Path.of("target", "bench");
  private static final String[] CATEGORIES = {"BILLING", "TECHNICAL", "ACCOUNT", "SECURITY", "OTHER"};
  private static final String BARE_PROCESS = "bench-bare";
  // the pipeline's service tasks: triage, apply-criteria, assign-owner, start-sla-clocks, acknowledge-ticket, resolve-ticket
  private static final int BARE_TASKS = 6;
  private static final Duration STORM_DEADLINE = Duration.ofMinutes(5);
  private static final int BULK_CHUNK = 250;

  private final int instances = size("bench.instances", 100);
  private final int warmup = size("bench.warmup", 20);
  private final int storm = size("bench.storm", 150);
  private final int limitFirstStep = size("bench.limitFirstStep", 100);
  private final int limitMax = size("bench.limitMax", 16_000);
  private final int limitProbes = size("bench.limitProbes", 20);
  private final int limitMinutes = size("bench.limitMinutes", 10);
  private final int reportingTickets = size("bench.reportingTickets", 1_000_000);
  private final int timelineQueries = size("bench.timelineQueries", 200);
  private final int metricsRuns = size("bench.metricsRuns", 25);
  private final int clients = size("bench.clients", 8);
  private final int whatifEvaluations = size("bench.whatifEvaluations", 100_000);
  private final int queueTickets = size("bench.queueTickets", 100_000);
  private final int queueQueries = size("bench.queueQueries", 50);
  private final int queueEvents = size("bench.queueEvents", 20);
  private final Set<String> phases = new HashSet<>(Arrays.asList(
      System.getProperty("bench.phases", "pipeline,storm,limit,reporting").split(",")));

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired CamundaClientProperties camunda;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Clock appClock;

  private TicketApi api;
  private final AtomicInteger unavailable = new AtomicInteger();
  private final Map<String, Object> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();

  @Test
  void benchmark() throws Exception {
    // the benchmark's own HTTP client, its threads counted as load and not as the app
    api = new TicketApi(port, CpuSample.countingNewThreadsAsLoad(() -> HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(CpuSample.loadThreads("http"))).build()));
    Files.createDirectories(OUT);
    long started = System.nanoTime();
    results.put("cores", Runtime.getRuntime().availableProcessors());
    results.put("jdk", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    results.put("settings", settings());
    phase("pipeline", this::pipelineVsBare);
    phase("storm", this::breachStorm);
    phase("limit", this::embeddedLimit);
    phase("reporting", this::reporting);
    phase("whatif", this::whatIf); // only when named in -Dbench.phases
    phase("queue", this::queue); // only when named in -Dbench.phases
    results.put("opensRetriedAfter503", unavailable.get());
    results.put("benchmarkSeconds", round((System.nanoTime() - started) / 1e9));
    ObjectMapper json = new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    json.writeValue(OUT.resolve("results.json").toFile(), results);
    String printed = render();
    Files.writeString(OUT.resolve("results.txt"), printed);
    System.out.println(printed);
  }

  private interface Phase {
    void run() throws Exception;
  }

  /** Runs a phase if selected; a phase that fails is reported (table and JSON) and the next one still runs. */
  private void phase(String name, Phase phase) {
    if (!phases.contains(name)) {
      return;
    }
    long start = System.nanoTime();
    try {
      phase.run();
    } catch (Exception e) {
      progress(name + " failed: " + e);
      results.put(name + "Error", String.valueOf(e));
      row(name + " phase FAILED", String.valueOf(e.getMessage()), "", "");
    } finally {
      results.put(name + "PhaseSeconds", round((System.nanoTime() - start) / 1e9));
    }
  }

  // ---------------------------------------------------------------- queue (W1) and events (W4), only when asked for

  /** Only with {@code -Dbench.phases=queue}: it leaves {@code bench.queueTickets} open tickets in the app's database. */
  private void queue() throws Exception {
    QueueBench.Result r = new QueueBench(jdbc, api, port).run(queueTickets, queueQueries, queueEvents, appClock.instant());
    results.put("queueTickets", queueTickets);
    results.put("queueFirstPageP95MillisByFilter", r.p95ByFilter());
    results.put("queueFirstPageP95Millis", round(r.p95()));
    results.put("queueFirstPageP50Millis", round(r.p50()));
    results.put("queueEventDelaysMillis", r.eventDelaysMillis());
    row("queue first page p95, " + queueTickets + " open tickets, " + QueueBench.FILTERS.size() + " filter sets", fmt(r.p95()) + " ms",
        "< 100 ms", r.samples() + " pages over HTTP");
    r.p95ByFilter().forEach((filter, p95) -> row("  filter: " + filter, fmt(p95) + " ms", "< 100 ms", queueQueries + " pages"));
    List<Double> delays = r.eventDelaysMillis().stream().map(Long::doubleValue).toList();
    row("change to SSE event, p95", fmt(percentileOf(delays, 0.95)) + " ms", "< 1000 ms",
        delays.size() + " owner actions, max " + fmt(percentileOf(delays, 1.0)) + " ms");
  }

  // ---------------------------------------------------------------- a. pipeline vs bare engine

  private void pipelineVsBare() throws Exception {
    progress("pipeline vs bare: deploying the bare model, warm-up of " + warmup + " each");
    client.newDeployResourceCommand().addProcessModel(bareModel(), BARE_PROCESS + ".bpmn").send().join();
    AtomicInteger bareDone = new AtomicInteger();
    List<JobWorker> workers = bareWorkers(bareDone);
    try {
      bare(warmup, bareDone);
      pipeline(warmup);
      CpuSample bareStart = CpuSample.take();
      double bare = bare(instances, bareDone);
      CpuSample bareEnd = CpuSample.take();
      results.put("bareCpu", bareEnd.since(bareStart));
      CpuSample pipelineStart = CpuSample.take();
      double pipeline = pipeline(instances);
      CpuSample pipelineEnd = CpuSample.take();
      results.put("pipelineCpu", pipelineEnd.since(pipelineStart)); // where the pipeline's time goes, by thread group
      double ratio = pipeline / bare;
      // The engine processes every command on one thread: however cheap the workers, the pipeline
      // cannot beat the bare rate by more than the ratio of the engine's CPU per instance.
      double bareEngineMillis = bareEnd.engineMillis(bareStart) / instances;
      double pipelineEngineMillis = pipelineEnd.engineMillis(pipelineStart) / instances;
      results.put("bareEngineCpuMillisPerInstance", round(bareEngineMillis));
      results.put("pipelineEngineCpuMillisPerTicket", round(pipelineEngineMillis));
      results.put("pipelineVsBareEngineBoundRatio", round(bareEngineMillis / pipelineEngineMillis));
      // The app's own cost, outside the engine: what a ticket also costs against a real cluster.
      double appMillis = pipelineEnd.appMillis(pipelineStart) / instances;
      double appMillisWithoutGrpc = pipelineEnd.appMillisWithoutGrpc(pipelineStart) / instances;
      double bareAppMillis = bareEnd.appMillis(bareStart) / instances;
      results.put("appCpuMillisPerTicket", round(appMillis));
      results.put("appCpuMillisPerTicketWithoutGrpc", round(appMillisWithoutGrpc));
      results.put("appCpuMillisPerBareInstance", round(bareAppMillis));
      results.put("appVsEngineCpuPerTicketRatio", round(appMillis / pipelineEngineMillis));
      results.put("pipelineInstances", instances);
      results.put("bareInstancesPerSecond", round(bare));
      results.put("pipelineTicketsPerSecond", round(pipeline));
      results.put("pipelineVsBareRatio", round(ratio));
      row("pipeline throughput (open → resolve-ticket done)", fmt(pipeline) + " tickets/s", "", instances + " tickets");
      row("bare engine throughput (" + BARE_TASKS + " no-op service tasks)", fmt(bare) + " instances/s", "", instances + " instances");
      row("pipeline / bare", fmt(ratio), "≥ 0.7", "same engine, same worker settings");
      row("engine CPU per pipeline ticket / per bare instance", fmt(pipelineEngineMillis) + " / " + fmt(bareEngineMillis) + " ms",
          "", "the ratio's ceiling on one engine thread: " + fmt(bareEngineMillis / pipelineEngineMillis));
      row("app CPU per pipeline ticket, outside the engine (HTTP, handlers, MariaDB, client)", fmt(appMillis) + " ms", "",
          fmt(appMillisWithoutGrpc) + " ms without the gRPC threads it shares with the engine's gateway; bare instance "
              + fmt(bareAppMillis) + " ms");
      row("app CPU / engine CPU per pipeline ticket", fmt(appMillis / pipelineEngineMillis), "", "same run");
    } finally {
      workers.forEach(JobWorker::close);
    }
  }

  private static BpmnModelInstance bareModel() {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_PROCESS).startEvent("BareStart");
    for (int i = 1; i <= BARE_TASKS; i++) {
      String type = BARE_PROCESS + "-" + i;
      flow = flow.serviceTask("BareTask" + i, t -> t.zeebeJobType(type));
    }
    return flow.endEvent("BareEnd").done();
  }

  /** No-op workers with the app's worker defaults, on the app's client (same execution threads). */
  private List<JobWorker> bareWorkers(AtomicInteger done) {
    CamundaClientJobWorkerProperties defaults = camunda.getWorker().getDefaults();
    List<JobWorker> workers = new ArrayList<>();
    for (int i = 1; i <= BARE_TASKS; i++) {
      boolean last = i == BARE_TASKS;
      workers.add(client.newWorker()
          .jobType(BARE_PROCESS + "-" + i)
          .handler((jobClient, job) -> {
            var completed = jobClient.newCompleteCommand(job).send();
            if (last) {
              completed.thenRun(done::incrementAndGet);
            }
          })
          .maxJobsActive(orElse(defaults.getMaxJobsActive(), 32))
          .pollInterval(orElse(defaults.getPollInterval(), Duration.ofMillis(100)))
          .timeout(orElse(defaults.getTimeout(), Duration.ofMinutes(5)))
          .streamEnabled(orElse(defaults.getStreamEnabled(), false))
          .requestTimeout(orElse(defaults.getRequestTimeout(), client.getConfiguration().getDefaultRequestTimeout()))
          .open());
    }
    return workers;
  }

  /** Instances per second: n instances of the bare model, from the first create to the last end. */
  private double bare(int n, AtomicInteger done) throws Exception {
    done.set(0);
    ExecutorService openers = Executors.newFixedThreadPool(clients, CpuSample.loadThreads("bare"));
    try {
      long start = System.nanoTime();
      List<Future<?>> created = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        created.add(openers.submit(() -> client.newCreateInstanceCommand().bpmnProcessId(BARE_PROCESS).latestVersion().send().join()));
      }
      for (Future<?> f : created) {
        f.get();
      }
      waitUntil("bare instances done", Duration.ofMinutes(5), () -> done.get() >= n);
      double rate = n / ((System.nanoTime() - start) / 1e9);
      progress(String.format(Locale.ROOT, "bare: %d instances, %.1f/s", n, rate));
      return rate;
    } finally {
      openers.shutdownNow();
    }
  }

  /**
   * Tickets per second: n tickets opened through the API; once acknowledged (assigned, clocks
   * started, customer told), the owner records an attempt and resolves; done when the
   * resolve-ticket job's effects are committed.
   */
  private double pipeline(int n) throws Exception {
    long base = maxTicketId();
    ExecutorService openers = Executors.newFixedThreadPool(clients / 2 + 1, CpuSample.loadThreads("openers"));
    ExecutorService owners = Executors.newFixedThreadPool(clients / 2 + 1, CpuSample.loadThreads("owners"));
    AtomicInteger conflicts = new AtomicInteger();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String category = CATEGORIES[i % CATEGORIES.length];
        int k = i;
        openers.submit(() -> openRetrying("P2", category, "bench-pipeline-" + base + "-" + k + "@example.com"));
      }
      Set<Long> acted = new HashSet<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (true) {
        for (long id : jdbc.sql("SELECT ticket_id FROM notification WHERE ticket_id > ? AND kind = 'ACKNOWLEDGEMENT'")
            .param(base).query(Long.class).list()) {
          if (acted.add(id)) {
            owners.submit(() -> act(id, conflicts));
          }
        }
        long done = jdbc.sql("SELECT COUNT(*) FROM processed_job WHERE job_type = 'resolve-ticket' AND ticket_id > ?")
            .param(base).query(Long.class).single();
        if (done >= n) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("pipeline: only " + done + " of " + n + " tickets resolved in 10 minutes");
        }
        Thread.sleep(20);
      }
      double rate = n / ((System.nanoTime() - start) / 1e9);
      progress(String.format(Locale.ROOT, "pipeline: %d tickets, %.1f/s (%d conflicts retried)", n, rate, conflicts.get()));
      results.merge("pipelineConflictsRetried", conflicts.get(), (a, b) -> (Integer) a + (Integer) b);
      return rate;
    } finally {
      openers.shutdownNow();
      owners.shutdownNow();
    }
  }

  private void act(long id, AtomicInteger conflicts) {
    send("/api/tickets/" + id + "/attempts", Map.of("note", "Retried the payment provider"), conflicts);
    send("/api/tickets/" + id + "/resolution", Map.of("summary", "Provider fixed the routing"), conflicts);
  }

  /** 202 expected; a 409 (someone changed the ticket at the same moment) is retried, as a client would. */
  private void send(String path, Object body, AtomicInteger conflicts) {
    for (int attempt = 0; ; attempt++) {
      TicketApi.Response response = api.post(path, body);
      if (response.status() == 202) {
        return;
      }
      if (response.status() != 409 || attempt > 50) {
        throw new IllegalStateException(path + " answered " + response);
      }
      conflicts.incrementAndGet();
      sleep(50);
    }
  }

  // ---------------------------------------------------------------- b. breach storm

  private void breachStorm() throws Exception {
    progress("storm: opening " + storm + " P1 tickets");
    long base = maxTicketId();
    openTickets(storm, i -> "P1", "bench-storm-" + base);
    waitUntil("storm tickets acknowledged", Duration.ofMinutes(10), () -> count(
        "SELECT COUNT(*) FROM notification WHERE ticket_id > ? AND kind = 'ACKNOWLEDGEMENT'", base) >= storm);
    settle();

    CpuSample quiet = CpuSample.take();
    Thread.sleep(3000);
    results.put("idleCpuOver3Seconds", CpuSample.take().since(quiet)); // what polling workers cost when there is nothing to do

    // The 75% warnings come 3 3/4 minutes before the breach (P1: response due in 15 minutes). The
    // first move passes every warning and lets them settle; the second, past every response
    // deadline, is the breach storm itself.
    Instant firstDue = jdbc.sql("SELECT MIN(response_due_at) FROM ticket WHERE id > ?").param(base).query(Timestamp.class).single().toInstant();
    Instant lastDue = jdbc.sql("SELECT MAX(response_due_at) FROM ticket WHERE id > ?").param(base).query(Timestamp.class).single().toInstant();
    Instant pastWarnings = lastDue.minus(Duration.ofMinutes(15).minus(Duration.ofMinutes(15).multipliedBy(3).dividedBy(4))).plusSeconds(5);
    if (!pastWarnings.isBefore(firstDue)) {
      throw new IllegalStateException("the storm's tickets were opened too far apart to pass every warning before any deadline");
    }
    progress("storm: moving the clock past the 75% warnings");
    api.advanceClock(Duration.between(engineNow(), pastWarnings).toString());
    waitUntil("storm warnings sent", Duration.ofMinutes(10), () -> count(
        "SELECT COUNT(DISTINCT ticket_id) FROM notification WHERE ticket_id > ? AND kind = 'SLA_WARNING'", base) >= storm);
    settle();

    Duration breachMove = Duration.between(engineNow(), lastDue.plusSeconds(1));
    Instant moved = engineNow().plus(breachMove); // the move, on the app's clock
    progress("storm: moving the clock " + breachMove + ", past every response deadline");
    CpuSample cpuBefore = CpuSample.take();
    api.advanceClock(breachMove.toString());
    long deadline = System.nanoTime() + STORM_DEADLINE.toNanos();
    while (count("SELECT COUNT(DISTINCT ticket_id) FROM notification WHERE ticket_id > ? AND kind = 'ESCALATION_NOTICE'", base) < storm
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    CpuSample cpuAfter = CpuSample.take();
    Map<String, Object> stormCpu = cpuAfter.since(cpuBefore);
    results.put("breachStormCpu", stormCpu);
    // all the CPU the storm used (app, engine, MariaDB), spread over every core: no schedule of this
    // work could finish sooner on this machine
    long stormCpuMillis = (Long) stormCpu.get("jvmCpuMillis") + (Long) stormCpu.get("databaseCpuMillis")
        - (Long) stormCpu.get("loadCpuMillis"); // not the benchmark's own polling
    results.put("breachStormCpuMillisPerTicket", round((double) stormCpuMillis / storm));
    results.put("breachStormCpuFloorMillis", stormCpuMillis / Runtime.getRuntime().availableProcessors());
    double engineMillisPerBreach = cpuAfter.engineMillis(cpuBefore) / storm;
    double appMillisPerBreach = cpuAfter.appMillis(cpuBefore) / storm;
    results.put("engineCpuMillisPerBreach", round(engineMillisPerBreach));
    results.put("appCpuMillisPerBreach", round(appMillisPerBreach));
    results.put("appCpuMillisPerBreachWithoutGrpc", round(cpuAfter.appMillisWithoutGrpc(cpuBefore) / storm));
    results.put("appVsEngineCpuPerBreachRatio", round(appMillisPerBreach / engineMillisPerBreach));
    record Done(long id, Timestamp breached, Timestamp handoff, Timestamp escalatedAudit, Timestamp notice) {}
    List<Done> rows = jdbc.sql("""
        SELECT t.id,
               (SELECT MIN(a.at) FROM audit_event a WHERE a.ticket_id = t.id AND a.type = 'SLA_BREACHED') AS breached,
               (SELECT MIN(e.escalated_at) FROM escalation e WHERE e.ticket_id = t.id) AS handoff,
               (SELECT MIN(a.at) FROM audit_event a WHERE a.ticket_id = t.id AND a.type = 'ESCALATED') AS escalated_audit,
               (SELECT MIN(n.created_at) FROM notification n WHERE n.ticket_id = t.id AND n.kind = 'ESCALATION_NOTICE') AS notice
        FROM ticket t WHERE t.id > ? ORDER BY t.id
        """).param(base)
        .query((rs, i) -> new Done(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getTimestamp(4), rs.getTimestamp(5)))
        .list();
    long limit = STORM_DEADLINE.toMillis();
    List<Long> breaches = new ArrayList<>();
    List<Long> handoffs = new ArrayList<>();
    List<Long> done = new ArrayList<>();
    int missed = 0;
    for (Done d : rows) {
      Long handoff = d.handoff() == null || d.escalatedAudit() == null ? null
          : Math.max(millisSince(moved, d.handoff()), millisSince(moved, d.escalatedAudit()));
      Long notice = d.notice() == null ? null : millisSince(moved, d.notice());
      if (handoff != null) {
        handoffs.add(handoff);
      }
      if (d.breached() != null) {
        breaches.add(millisSince(moved, d.breached()));
      }
      if (handoff == null || notice == null || Math.max(handoff, notice) > limit) {
        missed++;
      } else {
        done.add(Math.max(handoff, notice));
      }
    }
    done.sort(null);
    handoffs.sort(null);
    breaches.sort(null);
    results.put("breachStormTickets", rows.size());
    results.put("breachStormMissed", missed);
    // percentiles over all tickets: a missed ticket counts as slower than every done one
    results.put("breachStormP50Millis", percentile(done, rows.size(), 0.50));
    results.put("breachStormP99Millis", percentile(done, rows.size(), 0.99));
    results.put("breachStormMaxMillis", missed > 0 || done.isEmpty() ? null : done.get(done.size() - 1));
    results.put("breachStormAllDoneMillis", missed > 0 || done.isEmpty() ? null : done.get(done.size() - 1));
    results.put("breachStormBreachRecordedP50Millis", percentile(breaches, rows.size(), 0.50));
    results.put("breachStormBreachRecordedP99Millis", percentile(breaches, rows.size(), 0.99));
    results.put("breachStormHandoffP50Millis", percentile(handoffs, rows.size(), 0.50));
    results.put("breachStormHandoffP99Millis", percentile(handoffs, rows.size(), 0.99));
    results.put("breachStormEngine", engineBreakdown(moved));
    progress("storm: " + rows.size() + " tickets, " + missed + " missed, p50 " + results.get("breachStormP50Millis") + " ms, p99 "
        + results.get("breachStormP99Millis") + " ms, all done " + results.get("breachStormAllDoneMillis") + " ms");
    row("breach storm: clock move → handoff + notice, p50", ms(results.get("breachStormP50Millis")), "", rows.size() + " P1 tickets");
    row("breach storm: p99", ms(results.get("breachStormP99Millis")), "< 5000 ms", "");
    row("breach storm: max = all done", ms(results.get("breachStormAllDoneMillis")), "", "");
    row("breach storm: handoff recorded, p50 / p99", ms(results.get("breachStormHandoffP50Millis")) + " / "
        + ms(results.get("breachStormHandoffP99Millis")), "", "escalation row + ESCALATED");
    row("breach storm: breach recorded (SLA_BREACHED), p50 / p99", ms(results.get("breachStormBreachRecordedP50Millis")) + " / "
        + ms(results.get("breachStormBreachRecordedP99Millis")), "", "timer fired + record-sla-breach job");
    row("breach storm: missed (not done in 5 min)", String.valueOf(missed), "0", "");
    row("breach storm: CPU per ticket (app + engine + MariaDB) / that CPU over all cores",
        ms(results.get("breachStormCpuMillisPerTicket")) + " / " + ms(results.get("breachStormCpuFloorMillis")), "",
        "the least time this work can take here");
    row("breach storm: app CPU per breach, outside the engine / engine CPU per breach",
        fmt(appMillisPerBreach) + " / " + fmt(engineMillisPerBreach) + " ms", "", "app/engine " + fmt(appMillisPerBreach / engineMillisPerBreach));
    if (results.get("breachStormP99Millis") instanceof Long p99) {
      long floor = (Long) results.get("breachStormCpuFloorMillis");
      results.put("breachStormP99VsCpuFloorRatio", round((double) p99 / floor));
      row("breach storm: p99 / CPU floor", fmt((double) p99 / floor), "", "1 would be a perfect schedule of this work on every core");
    }
    engineFloor();
  }

  /**
   * The least time the storm could take on this engine: the jobs the storm ran, at the rate the bare
   * engine completed no-op jobs in the pipeline phase of the same run (no database, no mail).
   */
  private void engineFloor() {
    if (!(results.get("bareInstancesPerSecond") instanceof Double bare) || !(results.get("breachStormEngine") instanceof Map<?, ?> engine)) {
      return;
    }
    int jobs = (Integer) engine.get("jobsCompleted");
    double bareJobsPerSecond = bare * BARE_TASKS;
    long floor = Math.round(jobs / bareJobsPerSecond * 1000);
    results.put("breachStormJobs", jobs);
    results.put("breachStormEngineFloorMillis", floor);
    row("breach storm: engine floor (its jobs at the bare engine's job rate)", ms(floor), "",
        jobs + " jobs at " + fmt(bareJobsPerSecond) + " no-op jobs/s");
  }

  /**
   * Where the storm's time went, from the engine's own records (their timestamps are on the
   * engine's clock, which is the app's): when the breach timers fired, and per job type how long
   * jobs waited to be activated and how long from activation to completion (queueing for an
   * execution thread included), p50 / p99 / max in ms.
   */
  private static Map<String, Object> engineBreakdown(Instant moved) {
    long from = moved.toEpochMilli() - 1000;
    List<Long> timers = new ArrayList<>();
    Map<Long, Long> created = new java.util.HashMap<>();
    Map<Long, String> types = new java.util.HashMap<>();
    Map<Long, Long> activated = new java.util.HashMap<>();
    Map<String, List<Long>> waiting = new java.util.TreeMap<>();
    Map<String, List<Long>> handling = new java.util.TreeMap<>();
    Map<String, Integer> failed = new java.util.TreeMap<>();
    for (Record<?> r : EmbeddedRuntime.engine().getRecordStreamSource().getRecords()) {
      if (r.getTimestamp() < from || r.getRecordType() != RecordType.EVENT) {
        continue;
      }
      if (r.getIntent() == TimerIntent.TRIGGERED
          && "ResponseSlaDueBoundaryEvent".equals(((TimerRecordValue) r.getValue()).getTargetElementId())) {
        timers.add(r.getTimestamp() - moved.toEpochMilli());
      } else if (r.getIntent() == JobIntent.CREATED) {
        created.put(r.getKey(), r.getTimestamp());
        types.put(r.getKey(), ((JobRecordValue) r.getValue()).getType());
      } else if (r.getIntent() == JobBatchIntent.ACTIVATED) {
        for (long key : ((JobBatchRecordValue) r.getValue()).getJobKeys()) {
          if (created.containsKey(key)) {
            waiting.computeIfAbsent(types.get(key), k -> new ArrayList<>()).add(r.getTimestamp() - created.get(key));
          }
          activated.put(key, r.getTimestamp());
        }
      } else if (r.getIntent() == JobIntent.COMPLETED && activated.containsKey(r.getKey()) && types.containsKey(r.getKey())) {
        handling.computeIfAbsent(types.get(r.getKey()), k -> new ArrayList<>()).add(r.getTimestamp() - activated.get(r.getKey()));
      } else if (r.getIntent() == JobIntent.FAILED) {
        failed.merge(((JobRecordValue) r.getValue()).getType(), 1, Integer::sum);
      }
    }
    Map<String, Object> breakdown = new LinkedHashMap<>();
    breakdown.put("breachTimersFiredMillis", spread(timers));
    breakdown.put("jobWaitForActivationMillis", waiting.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> spread(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
    breakdown.put("jobActivationToCompletionMillis", handling.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> spread(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
    breakdown.put("jobFailures", failed);
    breakdown.put("jobsCompleted", handling.values().stream().mapToInt(List::size).sum());
    progress("storm, engine records: " + breakdown);
    return breakdown;
  }

  private static String spread(List<Long> values) {
    if (values.isEmpty()) {
      return "none";
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return "n=" + sorted.size() + " p50=" + percentile(sorted, sorted.size(), 0.5) + " p99=" + percentile(sorted, sorted.size(), 0.99)
        + " max=" + sorted.get(sorted.size() - 1);
  }

  private static long millisSince(Instant moved, Timestamp at) {
    return Duration.between(moved, at.toInstant()).toMillis();
  }

  // ---------------------------------------------------------------- d. the embedded mode's limit

  /**
   * How many open tickets the embedded mode holds before commands get slow: the open-ticket count grows
   * in steps (doubling from {@code bench.limitFirstStep}); at each step {@code bench.limitProbes} tickets
   * are opened through the API one after the other, and once they are acknowledged their owner records
   * an attempt on each, one after the other (both are requests that wait for an engine command: create
   * the instance, publish the owner's message). The phase stops at the second step in a row where either
   * p95 passes one second, at {@code bench.limitMax}, or when {@code bench.limitMinutes} are spent; the
   * limit is the last step under one second before those two.
   *
   * <p>The tickets that fill each step are opened in bulk: one ticket goes through the real pipeline
   * (assigned, clocks started, customer told) and serves as the template for ledger rows copied in one
   * statement, each with its own process instance started at the tier work subprocess with that
   * ticket's clock dates, so it waits on its SLA timers and the owner's action exactly as an open
   * ticket does. The heap after GC is taken at every step (app, in-memory engine and its record log).
   */
  private void embeddedLimit() throws Exception {
    settle();
    long deadline = System.nanoTime() + Duration.ofMinutes(limitMinutes).toNanos();
    long openBefore = openCount();
    double heapBefore = appHeapMiB();
    progress("limit: " + openBefore + " open, heap " + fmt(heapBefore) + " MiB");
    List<Map<String, Object>> steps = new ArrayList<>();
    results.put("embeddedLimitSteps", steps);
    Long lastUnder = null;
    Long firstOver = null;
    String stoppedBy = "limitMax " + limitMax;
    double heap = heapBefore;
    long open = openBefore;
    for (long target = Math.max(limitFirstStep, openBefore); target <= limitMax; target *= 2) {
      long start = System.nanoTime();
      int more = (int) Math.max(0, target - openCount());
      int opened = bulkOpen(more, deadline);
      double bulkSeconds = (System.nanoTime() - start) / 1e9;
      if (opened < more) {
        stoppedBy = "time budget (" + limitMinutes + " min) spent while opening step " + target;
        break;
      }
      settle();
      open = openCount();
      // resolved tickets stay in the engine too, waiting out their reopen window
      long inEngine = count("SELECT COUNT(*) FROM ticket WHERE status <> 'CLOSED' AND id > ?", 0);
      CpuSample before = CpuSample.take();
      Probes probes = probe(open);
      CpuSample after = CpuSample.take();
      heap = appHeapMiB();
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("openTickets", open);
      step.put("ticketsInEngine", inEngine);
      step.put("openTicketP50Millis", round(percentileOf(probes.opens(), 0.50)));
      step.put("openTicketP95Millis", round(percentileOf(probes.opens(), 0.95)));
      step.put("ownerActionP50Millis", round(percentileOf(probes.actions(), 0.50)));
      step.put("ownerActionP95Millis", round(percentileOf(probes.actions(), 0.95)));
      step.put("probeTicketAcknowledgedP95Millis", round(percentileOf(probes.acknowledged(), 0.95)));
      step.put("engineCpuMillisPerProbeTicket", round(after.engineMillis(before) / limitProbes));
      step.put("appCpuMillisPerProbeTicket", round(after.appMillis(before) / limitProbes));
      step.put("bulkOpenedPerSecond", more == 0 ? null : round(more / bulkSeconds));
      step.put("heapMiB", round(heap));
      steps.add(step);
      progress("limit: " + step);
      row("open " + open + ": opening a ticket / an owner action, p95",
          fmt(percentileOf(probes.opens(), 0.95)) + " / " + fmt(percentileOf(probes.actions(), 0.95)) + " ms", "< 1000 ms",
          "engine CPU per probe ticket " + fmt(after.engineMillis(before) / limitProbes) + " ms; heap " + fmt(heap) + " MiB");
      boolean over = percentileOf(probes.opens(), 0.95) > 1000 || percentileOf(probes.actions(), 0.95) > 1000;
      step.put("over", over);
      if (over) {
        // one slow step can be the shared machine's noise; two in a row are the engine
        if (firstOver != null) {
          stoppedBy = "p95 over one second at two steps in a row";
          break;
        }
        firstOver = open;
      } else {
        firstOver = null;
        lastUnder = open;
      }
      if (System.nanoTime() > deadline) {
        stoppedBy = "time budget (" + limitMinutes + " min) spent";
        break;
      }
    }
    results.put("embeddedLimitOpenTickets", lastUnder);
    results.put("embeddedLimitFirstOverOpenTickets", firstOver);
    results.put("embeddedLimitStoppedBy", stoppedBy);
    row("embedded mode's limit: open tickets with both p95 under 1 s", lastUnder == null ? "none measured" : String.valueOf(lastUnder),
        "", "stopped by " + stoppedBy + (firstOver == null ? "" : "; over 1 s from " + firstOver + " open tickets"));

    double perTicketKiB = open > openBefore ? (heap - heapBefore) * 1024 / (open - openBefore) : Double.NaN;
    results.put("openTickets", open);
    results.put("heapMiB", round(heap));
    results.put("heapMiBRightAfterStorm", round(heapBefore));
    results.put("heapKiBPerOpenTicket", perTicketKiB > 0 ? round(perTicketKiB) : null);
    row("heap used after GC (app + in-memory engine + its record log)", fmt(heap) + " MiB", "", open + " open tickets");
    row("heap growth per open ticket", perTicketKiB > 0 ? fmt(perTicketKiB) + " KiB" : "n/a", "",
        openBefore + " → " + open + " open tickets");
  }

  private record Probes(List<Double> opens, List<Double> acknowledged, List<Double> actions) {}

  /** Opens {@code limitProbes} tickets one after the other, then records an attempt on each, timing every request. */
  private Probes probe(long step) throws Exception {
    List<Double> opens = new ArrayList<>();
    Map<Long, Long> openedAt = new LinkedHashMap<>();
    for (int i = 0; i < limitProbes; i++) {
      long start = System.nanoTime();
      long id = openRetrying("P3", CATEGORIES[i % CATEGORIES.length], "bench-limit-" + step + "-" + i + "@example.com");
      opens.add((System.nanoTime() - start) / 1e6);
      openedAt.put(id, start);
    }
    List<Double> acknowledged = new ArrayList<>();
    Set<Long> waiting = new HashSet<>(openedAt.keySet());
    waitUntil("probe tickets acknowledged", Duration.ofMinutes(5), () -> {
      for (long id : List.copyOf(waiting)) {
        if (count("SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND kind = 'ACKNOWLEDGEMENT'", id) > 0) {
          waiting.remove(id);
          acknowledged.add((System.nanoTime() - openedAt.get(id)) / 1e6);
        }
      }
      return waiting.isEmpty();
    });
    List<Double> actions = new ArrayList<>();
    AtomicInteger conflicts = new AtomicInteger();
    for (long id : openedAt.keySet()) {
      long start = System.nanoTime();
      send("/api/tickets/" + id + "/attempts", Map.of("note", "Asked for the logs"), conflicts);
      actions.add((System.nanoTime() - start) / 1e6);
    }
    return new Probes(opens, acknowledged, actions);
  }

  /**
   * Opens {@code n} tickets in bulk (see {@link #embeddedLimit}), in chunks, until {@code deadline};
   * returns how many it opened (a chunk is whole: ledger rows and their process instances).
   */
  private int bulkOpen(int n, long deadline) throws Exception {
    if (n <= 0) {
      return 0;
    }
    long template = openRetrying("P3", "TECHNICAL", "bench-limit-template-" + maxTicketId() + "@example.com");
    waitUntil("template ticket acknowledged", Duration.ofMinutes(2),
        () -> count("SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND kind = 'ACKNOWLEDGEMENT'", template) > 0);
    int opened = 1;
    while (opened < n && System.nanoTime() < deadline) {
      int chunk = Math.min(BULK_CHUNK, n - opened);
      bulkOpenChunk(template, chunk);
      opened += chunk;
    }
    progress("limit: " + opened + " tickets opened in bulk from template ticket " + template);
    return opened;
  }

  private void bulkOpenChunk(long template, int n) throws Exception {
    long first = maxTicketId() + 1;
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, customer_vip, customer_annual_revenue,
                            channel, subject, description, priority, category, status, tier, max_tier, owner_username,
                            response_clock, response_due_at, resolution_clock, resolution_due_at, clock_epoch, opened_at)
        SELECT t.customer_name, CONCAT('bench-open-', %d + s.seq, '@example.com'), t.customer_language, t.customer_vip,
               t.customer_annual_revenue, t.channel, t.subject, t.description, t.priority, t.category, t.status, t.tier,
               t.max_tier, t.owner_username, t.response_clock, t.response_due_at, t.resolution_clock, t.resolution_due_at,
               t.clock_epoch, t.opened_at
        FROM ticket t JOIN seq_1_to_%d s WHERE t.id = ?
        ORDER BY s.seq
        """.formatted(first, n)).param(template).update();
    var clocks = jdbc.sql("SELECT priority, tier, response_due_at, resolution_due_at FROM ticket WHERE id = ?")
        .param(template).query().singleRow();
    Instant now = engineNow();
    Instant responseDue = ((Timestamp) clocks.get("response_due_at")).toInstant();
    Instant resolutionDue = ((Timestamp) clocks.get("resolution_due_at")).toInstant();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("priority", clocks.get("priority"));
    variables.put("tier", clocks.get("tier"));
    variables.put("responseClockRunning", true);
    variables.put("resolutionClockRunning", true);
    variables.put("responseWarningAt", warningBefore(now, responseDue).toString());
    variables.put("responseDueAt", responseDue.toString());
    variables.put("resolutionWarningAt", warningBefore(now, resolutionDue).toString());
    variables.put("resolutionDueAt", resolutionDue.toString());

    ExecutorService starters = Executors.newFixedThreadPool(clients, CpuSample.loadThreads("starters"));
    try {
      List<Future<?>> started = new ArrayList<>();
      for (long id = first; id < first + n; id++) {
        long ticketId = id;
        started.add(starters.submit(() -> {
          Map<String, Object> own = new LinkedHashMap<>(variables);
          own.put("ticketId", ticketId);
          long key = client.newCreateInstanceCommand().bpmnProcessId("ticket-escalation").latestVersion()
              .variables(own).startBeforeElement("TierWorkSubProcess").send().join().getProcessInstanceKey();
          jdbc.sql("UPDATE ticket SET process_instance_key = ? WHERE id = ?").params(key, ticketId).update();
        }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      starters.shutdownNow();
    }
  }

  /** The engine's clock, which the storm moved forward (the app's clock moves with it). */
  private Instant engineNow() {
    return appClock.instant();
  }

  private static Instant warningBefore(Instant now, Instant due) {
    return now.plus(Duration.between(now, due).multipliedBy(3).dividedBy(4));
  }

  private long openCount() {
    return count("SELECT COUNT(*) FROM ticket WHERE status IN ('OPEN', 'WAITING_ON_CUSTOMER') AND id > ?", 0);
  }

  /** Heap after GC without the test SMTP server's mailbox (it lives in this JVM too; the app does not hold it). */
  private static double appHeapMiB() throws InterruptedException {
    EmbeddedRuntime.mail().purge();
    return heapMiB();
  }

  private static double heapMiB() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  // ---------------------------------------------------------------- c. reporting at scale

  /** M6: the what-if replay over stored criteria evaluations, in a database of its own (see WhatIfBench). */
  private void whatIf() throws Exception {
    String url = EmbeddedMariaDb.jdbcUrl("escalation_whatif");
    Flyway.configure().dataSource(url, EmbeddedMariaDb.username(), EmbeddedMariaDb.password()).load().migrate();
    try (HikariDataSource bench = new HikariDataSource()) {
      bench.setJdbcUrl(url);
      bench.setUsername(EmbeddedMariaDb.username());
      bench.setPassword(EmbeddedMariaDb.password());
      WhatIfBench.Result r = new WhatIfBench(whatifEvaluations, Instant.now().truncatedTo(ChronoUnit.SECONDS)).run(bench);
      progress(String.format(Locale.ROOT, "whatif: wrote %d evaluations in %.1f s, replayed in %.2f s", r.evaluated(),
          r.writeSeconds(), r.replaySeconds()));
      results.put("whatifEvaluations", r.evaluated());
      results.put("whatifChanged", r.changed());
      results.put("whatifReplaySeconds", round(r.replaySeconds()));
      row("what-if replay of the stored criteria evaluations (M6), deployed table", fmt(r.replaySeconds()) + " s", "< 10 s",
          r.evaluated() + " evaluations, " + r.changed() + " changed");
    }
  }

  private void reporting() throws Exception {
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String url = EmbeddedMariaDb.jdbcUrl("escalation_bench");
    Flyway.configure().dataSource(url, EmbeddedMariaDb.username(), EmbeddedMariaDb.password()).locations("classpath:db/migration", "classpath:db/demo").load().migrate();
    try (HikariDataSource bench = new HikariDataSource()) {
      bench.setJdbcUrl(url + "&allowLocalInfile=true");
      bench.setUsername(EmbeddedMariaDb.username());
      bench.setPassword(EmbeddedMariaDb.password());
      bench.setMaximumPoolSize(4); // the metrics run their four queries at the same time
      JdbcClient db = JdbcClient.create(bench);

      ReportingData data = new ReportingData(reportingTickets, end, Duration.ofDays(365), OUT.resolve("data"));
      long t0 = System.nanoTime();
      data.write();
      long t1 = System.nanoTime();
      progress(String.format(Locale.ROOT, "reporting: wrote %d tickets, %d escalations, %d audit events in %.1f s; loading",
          reportingTickets, data.escalations, data.auditEvents, (t1 - t0) / 1e9));
      data.load(db);
      long t2 = System.nanoTime();
      progress(String.format(Locale.ROOT, "reporting: loaded in %.1f s", (t2 - t1) / 1e9));
      results.put("reportingTickets", reportingTickets);
      results.put("reportingEscalations", data.escalations);
      results.put("reportingAuditEvents", data.auditEvents);
      results.put("reportingGenerateSeconds", round((t1 - t0) / 1e9));
      results.put("reportingLoadSeconds", round((t2 - t1) / 1e9));

      // a ticket's timeline, as GET /api/tickets/{id}/timeline reads it (existence check, then the trail)
      Random random = new Random(42);
      List<Double> timeline = new ArrayList<>();
      long rowsRead = 0;
      for (int i = 0; i < timelineQueries; i++) {
        long id = 1 + random.nextInt(reportingTickets);
        long start = System.nanoTime();
        db.sql("SELECT COUNT(*) FROM ticket WHERE id = ?").param(id).query(Long.class).single();
        rowsRead += db.sql("SELECT * FROM audit_event WHERE ticket_id = :ticketId ORDER BY at, id").param("ticketId", id)
            .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("type"),
                rs.getString("actor"), rs.getString("detail")})
            .list().size();
        timeline.add((System.nanoTime() - start) / 1e6);
      }

      // the metrics over the last 30 days of the data set, with the app's SQL
      EscalationMetrics metrics = new EscalationMetrics(db, new MetricsProperties(0.30), Clock.fixed(end, ZoneOffset.UTC));
      Instant from = end.minus(EscalationMetrics.DEFAULT_WINDOW);
      long coldStart = System.nanoTime();
      EscalationMetrics.Report report = metrics.compute(from, end);
      double cold = (System.nanoTime() - coldStart) / 1e6;
      List<Double> metricRuns = new ArrayList<>();
      for (int i = 0; i < metricsRuns; i++) {
        long start = System.nanoTime();
        metrics.compute(from, end);
        metricRuns.add((System.nanoTime() - start) / 1e6);
      }
      Map<String, List<String>> explain = explain(db, from, end);
      double withoutIndexes = withoutMetricsIndexes(db, metrics, from, end);
      referenceCheck(db, report, from, end);

      double timelineP95 = percentileOf(timeline, 0.95);
      double metricsP95 = percentileOf(metricRuns, 0.95);
      results.put("timelineQueries", timelineQueries);
      results.put("timelineAverageRows", round((double) rowsRead / timelineQueries));
      results.put("timelineP50Millis", round(percentileOf(timeline, 0.50)));
      results.put("timelineP95Millis", round(timelineP95));
      results.put("metricsRuns", metricsRuns);
      results.put("metricsWindowTickets", report.escalationRate().ticketsOpened());
      results.put("metricsColdMillis", round(cold));
      results.put("metricsP50Millis", round(percentileOf(metricRuns, 0.50)));
      results.put("metricsP95Millis", round(metricsP95));
      results.put("metricsWithoutV2IndexesMillis", round(withoutIndexes));
      results.put("metricsSample", report);
      results.put("explain", explain);
      row("timeline of a ticket, p95", fmt(timelineP95) + " ms", "< 200 ms",
          timelineQueries + " random of " + reportingTickets + " tickets, " + data.auditEvents + " audit events");
      row("metrics over 30 days, p95", fmt(metricsP95) + " ms", "< 200 ms",
          metricsRuns + " runs, " + report.escalationRate().ticketsOpened() + " tickets in the window");
      row("metrics without their indexes (V2, V9; for comparison)", fmt(withoutIndexes) + " ms", "", "median of 3");
      row("bulk load of the reporting data set", fmt((t2 - t1) / 1e9) + " s", "minutes",
          reportingTickets + " tickets, " + data.escalations + " escalations, " + data.auditEvents + " audit events");
    }
  }

  /** EXPLAIN of each metrics query: table, access type, key and extra, one line per table. */
  private Map<String, List<String>> explain(JdbcClient db, Instant from, Instant to) throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    for (String name : List.of("TICKETS", "TIME_TO_ESCALATION", "RESOLUTION_TIME_BY_TIER", "ESCALATIONS")) {
      var field = EscalationMetrics.class.getDeclaredField(name);
      field.setAccessible(true);
      queries.put(name, (String) field.get(null));
    }
    Map<String, List<String>> plans = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (var q : queries.entrySet()) {
      List<String> lines = db.sql("EXPLAIN " + q.getValue()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
          .query((rs, n) -> rs.getString("table") + ": " + rs.getString("type") + " on " + rs.getString("key") + " ("
              + rs.getString("rows") + " rows) " + (rs.getString("Extra") == null ? "" : rs.getString("Extra")))
          .list();
      plans.put(q.getKey(), lines);
      text.append(q.getKey()).append('\n');
      lines.forEach(l -> text.append("  ").append(l).append('\n'));
    }
    Files.writeString(OUT.resolve("explain.txt"), text);
    progress("reporting: EXPLAIN\n" + text);
    Map<String, Double> medians = new LinkedHashMap<>(); // which of the metrics queries the time goes to
    Map<String, Double> p95s = new LinkedHashMap<>();
    for (var q : queries.entrySet()) {
      List<Double> runs = new ArrayList<>();
      for (int i = 0; i < metricsRuns; i++) {
        long start = System.nanoTime();
        db.sql(q.getValue()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query().listOfRows();
        runs.add((System.nanoTime() - start) / 1e6);
      }
      medians.put(q.getKey(), round(percentileOf(runs, 0.50)));
      p95s.put(q.getKey(), round(percentileOf(runs, 0.95)));
    }
    results.put("metricsQueryMedianMillis", medians);
    results.put("metricsQueryP95Millis", p95s);
    progress("reporting: metrics queries, median ms: " + medians + ", p95 ms: " + p95s);
    return plans;
  }

  /**
   * The data set's stamped moments (as the generator wrote them) against the reference, the SQL before
   * V9 that derives them from the escalations and the audit trail: the same report, every moment of
   * the window's tickets and escalations equal. Fails the benchmark otherwise.
   */
  private void referenceCheck(JdbcClient db, EscalationMetrics.Report report, Instant from, Instant to) {
    var reference = new ReferenceMetrics(db, 0.30);
    long start = System.nanoTime();
    EscalationMetrics.Report expected = reference.compute(from, to);
    double referenceMillis = (System.nanoTime() - start) / 1e6;
    List<String> mismatches = reference.mismatches(from, to);
    if (!report.equals(expected) || !mismatches.isEmpty()) {
      throw new IllegalStateException("the metrics differ from the reference: " + report + " against " + expected + "; moments: "
          + mismatches.stream().limit(20).toList());
    }
    results.put("metricsEqualToReference", true);
    results.put("metricsReferenceSqlMillis", round(referenceMillis));
    progress(String.format(Locale.ROOT, "reporting: metrics equal to the reference SQL (%.0f ms), every moment of the window stamped as derived",
        referenceMillis));
  }

  /** The same computation with the metrics indexes (V2, redefined by V9) ignored by the optimizer. */
  private static double withoutMetricsIndexes(JdbcClient db, EscalationMetrics metrics, Instant from, Instant to) {
    List<String> indexes = List.of("ticket ticket_opened_metrics", "escalation escalation_opened_metrics");
    indexes.forEach(i -> db.sql("ALTER TABLE " + i.split(" ")[0] + " ALTER INDEX " + i.split(" ")[1] + " IGNORED").update());
    try {
      List<Double> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        metrics.compute(from, to);
        runs.add((System.nanoTime() - start) / 1e6);
      }
      return percentileOf(runs, 0.5);
    } finally {
      indexes.forEach(i -> db.sql("ALTER TABLE " + i.split(" ")[0] + " ALTER INDEX " + i.split(" ")[1] + " NOT IGNORED").update());
    }
  }

  // ---------------------------------------------------------------- helpers

  private void openTickets(int n, IntFunction<String> priority, String emailPrefix) throws Exception {
    ExecutorService openers = Executors.newFixedThreadPool(clients, CpuSample.loadThreads("openers"));
    try {
      List<Future<Long>> opened = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        opened.add(openers.submit(() -> openRetrying(priority.apply(k), CATEGORIES[k % CATEGORIES.length],
            emailPrefix + "-" + k + "@example.com")));
      }
      for (Future<Long> f : opened) {
        f.get();
      }
    } finally {
      openers.shutdown();
      openers.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** Opens a ticket; a 503 (the engine did not answer in time, nothing saved) is retried after a second, as a client would. */
  private long openRetrying(String priority, String category, String email) {
    for (int attempt = 0; ; attempt++) {
      TicketApi.Response created = api.post("/api/tickets", TicketApi.ticketRequest(priority, category, email));
      if (created.status() == 201) {
        return created.body().get("id").asLong();
      }
      if (created.status() != 503 || attempt >= 20) {
        throw new IllegalStateException("could not open a ticket: " + created);
      }
      unavailable.incrementAndGet();
      sleep(1000);
    }
  }

  /** Waits for the outbox to be delivered, so the next phase starts clean. */
  private void settle() throws Exception {
    // (the in-memory engine is never idle while workers poll, so its idle state cannot be awaited)
    try {
      waitUntil("outbox delivered", Duration.ofMinutes(2),
          () -> count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND id > ?", 0) == 0);
    } catch (TimeoutException behind) {
      progress("outbox not delivered after 2 minutes; going on");
    }
    Thread.sleep(1000);
  }

  private Map<String, Object> settings() {
    CamundaClientJobWorkerProperties defaults = camunda.getWorker().getDefaults();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("executionThreads", orElse(camunda.getExecutionThreads(), 1));
    s.put("maxJobsActive", orElse(defaults.getMaxJobsActive(), 32));
    s.put("pollInterval", String.valueOf(orElse(defaults.getPollInterval(), Duration.ofMillis(100))));
    s.put("streamEnabled", orElse(defaults.getStreamEnabled(), false));
    s.put("requestTimeout", String.valueOf(orElse(defaults.getRequestTimeout(), client.getConfiguration().getDefaultRequestTimeout())));
    s.put("hikariMaximumPoolSize", dataSource instanceof HikariDataSource h ? h.getMaximumPoolSize() : null);
    s.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return s;
  }

  private long maxTicketId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ticket").query(Long.class).single();
  }

  private long count(String sql, long param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private interface Condition {
    boolean met() throws Exception;
  }

  private static void waitUntil(String what, Duration timeout, Condition condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.met()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(what + ": not within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** Nearest-rank percentile over {@code total} samples of which {@code sorted} are the done ones; null if it falls on a missed one. */
  private static Long percentile(List<Long> sorted, int total, double p) {
    if (total == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p * total);
    return rank <= sorted.size() ? sorted.get(Math.max(rank, 1) - 1) : null;
  }

  private static double percentileOf(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static int size(String property, int fallback) {
    return Integer.parseInt(System.getProperty(property, String.valueOf(fallback)).replace("_", ""));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  private static String ms(Object millis) {
    return millis == null ? "missed" : millis + " ms";
  }

  private void row(String figure, String value, String goal, String sample) {
    table.add(new String[] {figure, value, goal, sample});
  }

  private String render() {
    String[] header = {"figure", "value", "goal", "sample"};
    int[] width = new int[4];
    for (String[] r : concat(header)) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Escalation benchmark: ").append(results.get("cores")).append(" cores, Java ").append(results.get("jdk"))
        .append(", ").append(results.get("settings")).append('\n');
    for (String[] r : concat(header)) {
      out.append('|');
      for (int i = 0; i < 4; i++) {
        out.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length())).append(" |");
      }
      out.append('\n');
      if (r == header) {
        out.append('|');
        for (int i = 0; i < 4; i++) {
          out.append("-".repeat(width[i] + 2)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private List<String[]> concat(String[] header) {
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(table);
    return all;
  }

  private static void progress(String message) {
    System.err.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
