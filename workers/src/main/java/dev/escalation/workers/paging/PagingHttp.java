package dev.escalation.workers.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.job.ConfigurationFailure;
import dev.escalation.workers.job.FixableFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON POSTs of the paging adapters: timeouts, 429 and 5xx retry with backoff; other refusals name the setting. */
final class PagingHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final Duration timeout;

  PagingHttp(Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  void post(String name, URI uri, Object body, Map<String, String> headers, String settingsFix) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FixableFailure(name + " did not answer the page (" + e.getClass().getSimpleName() + ")",
          "check that " + uri.getHost() + " is reachable from the workers; the job retries with backoff");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FixableFailure("interrupted while paging", "none, the job retries");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String text = response.body() == null ? "" : response.body().replaceAll("\\s+", " ").trim();
    String answered = name + " answered " + status + " to the page: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    if (status == 429 || status >= 500) {
      throw new FixableFailure(answered, "wait for " + name + " to recover; the job retries with backoff");
    }
    throw new ConfigurationFailure(answered, settingsFix);
  }
}
