package dev.escalation.workers.messaging;

import dev.escalation.workers.notification.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One JSON POST to a messaging provider, with its answer classified for the outbox (C2): 2xx
 * delivered; 429 and 5xx temporary, honouring {@code Retry-After}; any other 4xx permanent with the
 * provider's error text; an unreachable provider temporary.
 */
public final class ProviderHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ProviderHttp() {}

  /** The provider's answer to an accepted request. */
  public record Accepted(int status, String body) {}

  /**
   * Posts {@code json}. {@code errorText} reads the provider's error out of a refused answer's body;
   * {@code retryAfterInBody} reads a wait from the body for providers that put it there (Telegram).
   */
  public static Accepted post(String provider, URI uri, Map<String, String> headers, String json, Duration timeout,
      Function<String, String> errorText,
      Function<String, Optional<Duration>> retryAfterInBody) throws DeliveryException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw DeliveryException.temporary(provider + " unreachable (" + e + "); will retry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.temporary(provider + ": interrupted while sending; will retry", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Accepted(status, response.body());
    }
    String error = provider + " answered " + status + ": " + errorText.apply(response.body());
    if (status == 429 || status >= 500) {
      Optional<Duration> wait = retryAfter(response).or(() -> retryAfterInBody.apply(response.body()));
      if (wait.isPresent()) {
        throw DeliveryException.retryAfter(wait.get(), error + "; retry after " + wait.get().toSeconds() + " s");
      }
      throw DeliveryException.temporary(error + "; will retry", null);
    }
    throw DeliveryException.permanent(error, null);
  }

  /** {@code Retry-After} in seconds (the HTTP-date form is not used by these providers). */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.strip());
        return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
