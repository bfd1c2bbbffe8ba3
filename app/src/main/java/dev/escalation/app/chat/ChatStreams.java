package dev.escalation.app.chat;

import dev.escalation.workers.chat.ChatEntry;
import dev.escalation.workers.chat.ChatTranscript;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open chat streams of this replica. Each stream carries the entries of one chat only, each with its
 * entry id as the event id: a browser that reconnects sends the last one it got ({@code Last-Event-ID}) and
 * receives what came after it, nothing twice. A thread of its own reads the new entries of all open chats
 * from the shared database every {@code stream-poll-interval}, so an entry written through any replica (a
 * notice the outbox delivered, an agent's reply) reaches the customer's stream. Idle streams get a comment
 * now and then, which also finds the streams whose browser left.
 */
@Component
class ChatStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
  private static final int BATCH = 500;
  private static final long HEARTBEAT_MILLIS = 20_000;

  private final ChatTranscript transcript;
  private final ChatProperties properties;
  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService poller;
  private long lastHeartbeat = System.currentTimeMillis();

  ChatStreams(ChatTranscript transcript, ChatProperties properties) {
    this.transcript = transcript;
    this.properties = properties;
  }

  private static final class Stream {
    final SseEmitter emitter;
    final long conversationId;
    long lastSent;

    Stream(SseEmitter emitter, long conversationId, long lastSent) {
      this.emitter = emitter;
      this.conversationId = conversationId;
      this.lastSent = lastSent;
    }

    /** Sends the entry unless this stream already had it; false when the browser is gone. */
    synchronized boolean send(ChatEntry entry) {
      if (entry.id() <= lastSent) {
        return true;
      }
      try {
        emitter.send(SseEmitter.event().id(Long.toString(entry.id())).name("entry")
            .data(ChatEntryView.of(entry), MediaType.APPLICATION_JSON));
        lastSent = entry.id();
        return true;
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }

    synchronized boolean heartbeat() {
      try {
        emitter.send(SseEmitter.event().comment("still here"));
        return true;
      } catch (IOException | IllegalStateException e) {
        return false;
      }
    }
  }

  /** A stream of the chat's entries after {@code lastEventId} (0: the whole transcript first). */
  SseEmitter open(ChatCaller caller, long lastEventId) {
    SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
    Stream stream = new Stream(emitter, caller.chat().id(), lastEventId);
    emitter.onCompletion(() -> streams.remove(stream));
    emitter.onTimeout(() -> streams.remove(stream));
    emitter.onError(e -> streams.remove(stream));
    streams.add(stream);
    // what came after the browser's last event; the poller may send some of it too, the stream sends each once
    for (ChatEntry entry : transcript.after(caller.chat().id(), lastEventId, BATCH)) {
      if (!stream.send(entry)) {
        end(stream);
        break;
      }
    }
    return emitter;
  }

  private void poll() {
    try {
      if (streams.isEmpty()) {
        return;
      }
      long after = streams.stream().mapToLong(s -> s.lastSent).min().orElse(0);
      List<Long> chats = streams.stream().map(s -> s.conversationId).distinct().toList();
      List<ChatEntry> entries = transcript.after(chats, after, BATCH);
      for (Stream stream : streams) {
        for (ChatEntry entry : entries) {
          if (entry.conversationId() == stream.conversationId && !stream.send(entry)) {
            end(stream);
            break;
          }
        }
      }
      long now = System.currentTimeMillis();
      if (now - lastHeartbeat >= HEARTBEAT_MILLIS) {
        lastHeartbeat = now;
        streams.stream().filter(s -> !s.heartbeat()).forEach(this::end);
      }
    } catch (RuntimeException e) {
      log.warn("Chat streams could not be served this round; trying again", e);
    }
  }

  private void end(Stream stream) {
    streams.remove(stream);
    stream.emitter.complete();
  }

  @Override
  public void start() {
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "chat-streams");
      thread.setDaemon(true);
      return thread;
    });
    long interval = properties.streamPollInterval().toMillis();
    poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    poller.shutdownNow();
    streams.forEach(s -> s.emitter.complete());
    streams.clear();
  }

  @Override
  public boolean isRunning() {
    return poller != null && !poller.isShutdown();
  }
}
