package dev.escalation.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent-events client as a browser's EventSource reads a stream: line by line as it
 * arrives, events separated by a blank line, comments starting with ':'. Each event is kept with
 * the moment it was read.
 */
public final class SseClient implements AutoCloseable {
  public record Received(String name, String id, JsonNode data, Instant at) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Received> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicInteger status = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private volatile String contentType;

  public SseClient(String url, String authorization) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
        .header("Authorization", authorization).GET().build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
      status.set(response.statusCode());
      contentType = response.headers().firstValue("Content-Type").orElse(null);
      Thread.ofVirtual().start(() -> read(response));
    });
  }

  private void read(HttpResponse<java.util.stream.Stream<String>> response) {
    String name = null;
    String id = null;
    StringBuilder data = new StringBuilder();
    try (var lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Received(name, id, JSON.readTree(data.toString()), Instant.now()));
          }
          name = null;
          id = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (Exception e) {
      // the stream broke off: counts as ended
    } finally {
      ended.set(true);
    }
  }

  public List<Received> events() {
    return events;
  }

  public List<String> comments() {
    return comments;
  }

  public boolean ended() {
    return ended.get();
  }

  public int status() {
    return status.get();
  }

  public String contentType() {
    return contentType;
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
