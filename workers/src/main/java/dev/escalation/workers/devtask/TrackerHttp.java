package dev.escalation.workers.devtask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.job.ConfigurationFailure;
import dev.escalation.workers.job.FixableFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP for the tracker adapters, with the failure rules of N3: a timeout, a connection
 * failure, 429 or 5xx is technical (retry with backoff); 401/403/404 and other 4xx mean a setting is
 * wrong (incident at once, naming the setting).
 */
final class TrackerHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What to tell an engineer for each kind of refusal. */
  record Settings(String trackerName, String credentialsFix, String targetFix) {}

  private final HttpClient client;
  private final Duration timeout;
  private final Settings settings;

  TrackerHttp(Duration timeout, Settings settings) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.settings = settings;
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
  }

  static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FixableFailure(settings.trackerName() + " did not answer " + what + " (" + describe(e) + ")",
          "check that " + request.uri().getHost() + " is reachable from the workers; the job retries with backoff");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FixableFailure("interrupted while " + what, "none, the job retries");
    }
    int status = response.statusCode();
    String body = abbreviate(response.body());
    if (status >= 200 && status < 300) {
      try {
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new FixableFailure(settings.trackerName() + " answered " + what + " with invalid JSON: " + body,
            "check the API address setting; the job retries with backoff");
      }
    }
    String answered = settings.trackerName() + " answered " + status + " to " + what + ": " + body;
    if (status == 401 || status == 403) {
      throw new ConfigurationFailure(answered, settings.credentialsFix());
    }
    if (status == 404) {
      throw new ConfigurationFailure(answered, settings.targetFix());
    }
    if (status == 429 || status >= 500) {
      throw new FixableFailure(answered, "wait for " + settings.trackerName() + " to recover; the job retries with backoff");
    }
    throw new ConfigurationFailure(answered, "correct the request's settings (" + settings.targetFix() + ")");
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
