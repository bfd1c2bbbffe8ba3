package dev.escalation.app.events;

import dev.escalation.app.security.ActiveCallers;
import dev.escalation.app.security.TicketAccess;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * W4: the open event streams of this replica. A thread of its own (not the shared scheduler, where
 * a slow mail delivery would hold events up) reads the audit trail's new entries every
 * {@code poll-interval} and sends each to the streams whose caller may see its ticket
 * ({@link TicketAccess#maySee}); before every batch it checks that each caller's login or token is
 * still active ({@link ActiveCallers}), and ends the streams of those that are not. Idle streams get
 * a heartbeat comment. Every replica does the same against the shared database, so a change made
 * through any replica reaches the streams of all of them.
 */
@Component
class EventStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
  private final JdbcClient jdbc;
  private final TicketAccess access;
  private final ActiveCallers callers;
  private final EventsProperties properties;
  private final Clock clock;
  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService poller;
  private AuditFeed feed;

  EventStreams(JdbcClient jdbc, TicketAccess access, ActiveCallers callers, EventsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.callers = callers;
    this.properties = properties;
    this.clock = clock;
  }

  private record Stream(SseEmitter emitter, Authentication caller) {}

  SseEmitter open(Authentication caller) {
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    Stream stream = new Stream(emitter, caller);
    emitter.onCompletion(() -> streams.remove(stream));
    emitter.onTimeout(() -> streams.remove(stream));
    emitter.onError(e -> streams.remove(stream));
    streams.add(stream);
    send(stream, SseEmitter.event().comment("connected").reconnectTime(1000));
    return emitter;
  }

  int openStreams() {
    return streams.size();
  }

  private void poll() {
    try {
      List<TicketEvent> events = feed.next(clock.instant());
      if (events.isEmpty() || streams.isEmpty()) {
        return;
      }
      Map<String, Boolean> active = new HashMap<>();
      for (Stream stream : streams) {
        deliver(stream, events, active);
      }
    } catch (RuntimeException e) {
      log.warn("reading the audit trail for the event streams failed; trying again", e);
    }
  }

  /** One stream's share of a batch; whatever goes wrong with one stream ends that stream only. */
  private void deliver(Stream stream, List<TicketEvent> events, Map<String, Boolean> active) {
    try {
      if (!active.computeIfAbsent(stream.caller().getName(), callers::isActive)) {
        streams.remove(stream);
        stream.emitter().complete();
        return;
      }
      for (TicketEvent event : events) {
        if (access.maySee(stream.caller(), event.ticketId())
            && !send(stream, SseEmitter.event().name("ticket").id(Long.toString(event.id())).data(event, MediaType.APPLICATION_JSON))) {
          return;
        }
      }
    } catch (RuntimeException e) {
      streams.remove(stream);
      log.warn("event stream of {} ended: {}", stream.caller().getName(), e.toString());
    }
  }

  private void heartbeat() {
    streams.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat")));
  }

  /** False (and the stream dropped) when the client has gone. */
  private boolean send(Stream stream, SseEmitter.SseEventBuilder event) {
    try {
      stream.emitter().send(event);
      return true;
    } catch (IOException | IllegalStateException gone) {
      streams.remove(stream);
      return false;
    }
  }

  @Override
  public void start() {
    feed = new AuditFeed(jdbc);
    poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-streams").daemon().factory());
    long poll = properties.pollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    long beat = properties.heartbeat().toMillis();
    poller.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    streams.forEach(stream -> stream.emitter().complete());
    streams.clear();
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }
}
