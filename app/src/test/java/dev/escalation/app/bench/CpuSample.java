package dev.escalation.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * CPU time of every thread of this JVM (ThreadMXBean, per thread id) and of the embedded MariaDB
 * server (a child process), taken at one moment. Two samples give the CPU spent between them, split
 * by {@link Part}: what the in-memory engine costs, what the app costs (the part that also runs
 * against a real cluster), what the benchmark's own clients cost, and what the stand-in servers cost.
 * Threads that end between two samples are not counted (the benchmark's clients shut down their
 * pools after a phase; the app's threads live on).
 */
record CpuSample(long wallNanos, Map<Long, ThreadCpu> threads, long databaseNanos) {

  /** Who a thread's CPU is counted for, by the thread's name or by being one the benchmark started. */
  enum Part {
    /** The in-memory engine: its actor threads (the stream processor among them). */
    ENGINE,
    /**
     * gRPC's shared Netty event loops and executor: both the app's client and the engine's gateway
     * (a gRPC server in the same JVM) use them, so their CPU cannot be split by thread.
     */
    GRPC,
    /** The benchmark's clients: the test thread, its request pools and their HTTP client (and surefire's own threads). */
    LOAD,
    /** Servers that stand in for the outside world: the SMTP server that receives the mails. */
    STAND_IN,
    /** Everything else in the JVM: HTTP, handlers and their transactions, the outbox, the client's own threads. */
    APP
  }

  record ThreadCpu(String name, Part part, long nanos) {}

  private static final Set<Long> LOAD_THREADS = ConcurrentHashMap.newKeySet();

  /** A thread factory whose threads count as the benchmark's load, not as the app. */
  static ThreadFactory loadThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "bench-" + name + "-" + n.incrementAndGet());
      LOAD_THREADS.add(thread.threadId());
      return thread;
    };
  }

  /** Counts threads started while {@code start} runs as load (the benchmark's HTTP client starts its selector thread so). */
  static <T> T countingNewThreadsAsLoad(java.util.function.Supplier<T> start) {
    Set<Long> before = liveThreadIds();
    T started = start.get();
    liveThreadIds().stream().filter(id -> !before.contains(id)).forEach(LOAD_THREADS::add);
    return started;
  }

  private static Set<Long> liveThreadIds() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
  }

  static Part partOf(long id, String name) {
    if (LOAD_THREADS.contains(id) || name.equals("main") || name.startsWith("surefire")) {
      return Part.LOAD;
    }
    if (name.startsWith("zb-")) {
      return Part.ENGINE;
    }
    if (name.startsWith("grpc-")) {
      return Part.GRPC;
    }
    if (name.toLowerCase(java.util.Locale.ROOT).startsWith("smtp")) {
      return Part.STAND_IN;
    }
    return Part.APP;
  }

  static CpuSample take() {
    var mx = ManagementFactory.getThreadMXBean();
    Map<Long, ThreadCpu> threads = new HashMap<>();
    for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long cpu = mx.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          threads.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), partOf(info.getThreadId(), info.getThreadName()), cpu));
        }
      }
    }
    long db = ProcessHandle.current().descendants() // the embedded MariaDB server runs as a child of this JVM
        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    return new CpuSample(System.nanoTime(), threads, db);
  }

  /** CPU per part since {@code before}, in ns; the database under its own key. */
  Map<Part, Long> nanosByPart(CpuSample before) {
    Map<Part, Long> parts = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      parts.put(p, 0L);
    }
    threads.forEach((id, now) -> {
      ThreadCpu then = before.threads.get(id);
      parts.merge(now.part(), now.nanos() - (then == null ? 0 : then.nanos()), Long::sum);
    });
    return parts;
  }

  double engineMillis(CpuSample before) {
    return nanosByPart(before).get(Part.ENGINE) / 1e6;
  }

  double databaseMillis(CpuSample before) {
    return (databaseNanos - before.databaseNanos) / 1e6;
  }

  /**
   * The app's CPU since {@code before}: its threads, the gRPC threads it shares with the engine's
   * gateway (an upper bound for the client's transport), and the MariaDB server.
   */
  double appMillis(CpuSample before) {
    Map<Part, Long> parts = nanosByPart(before);
    return (parts.get(Part.APP) + parts.get(Part.GRPC)) / 1e6 + databaseMillis(before);
  }

  /** {@link #appMillis} without the shared gRPC threads: the lower bound. */
  double appMillisWithoutGrpc(CpuSample before) {
    return nanosByPart(before).get(Part.APP) / 1e6 + databaseMillis(before);
  }

  /** The CPU since {@code before}: wall time, per part, and the busiest threads (names with numbers folded) with their part. */
  Map<String, Object> since(CpuSample before) {
    Map<Part, Long> parts = nanosByPart(before);
    Map<String, Long> byName = new HashMap<>();
    threads.forEach((id, now) -> {
      ThreadCpu then = before.threads.get(id);
      byName.merge(now.name().replaceAll("\\d+", "#") + " [" + now.part() + "]", now.nanos() - (then == null ? 0 : then.nanos()),
          Long::sum);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("wallMillis", Math.round((wallNanos - before.wallNanos) / 1e6));
    out.put("jvmCpuMillis", parts.values().stream().mapToLong(Long::longValue).sum() / 1_000_000);
    out.put("databaseCpuMillis", Math.round(databaseMillis(before)));
    parts.forEach((part, nanos) -> out.put(part.name().toLowerCase(java.util.Locale.ROOT) + "CpuMillis", nanos / 1_000_000));
    out.put("topThreadsCpuMillis", byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / 1_000_000, (a, b) -> a, LinkedHashMap::new)));
    return out;
  }
}
