package dev.escalation.app.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.e2e.TicketApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP without any help: any method, any content type, any bytes, and the raw answer back.
 * Authenticated with HTTP Basic as {@link TicketApi#DEFAULT_USER}, as every caller of the API must be.
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String authorization;

  RawHttp(int port) {
    this.base = "http://localhost:" + port;
    this.authorization = TicketApi.basic(TicketApi.DEFAULT_USER, TicketApi.DEMO_PASSWORD);
  }

  record Response(String request, int status, String contentType, String text) {
    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
      try {
        return text == null || text.isBlank() ? null : JSON.readTree(text);
      } catch (Exception notJson) {
        return null;
      }
    }

    boolean isProblem() {
      JsonNode body = json();
      return contentType != null && contentType.startsWith("application/problem+json") && body != null
          && body.isObject() && (body.hasNonNull("detail") || body.hasNonNull("errors"));
    }

    @Override
    public String toString() {
      return request + " -> " + status + " " + contentType + " "
          + (text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text);
    }
  }

  Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.header("Authorization", authorization);
    String label = method + " " + path + (contentType == null ? "" : " [" + contentType + "]")
        + (body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "...(" + body.length() + " chars)" : body));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(label, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(label + " failed: " + e, e);
    }
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response postJson(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
