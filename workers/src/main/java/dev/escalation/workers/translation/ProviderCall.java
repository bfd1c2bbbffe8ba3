package dev.escalation.workers.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.messaging.ProviderHttp;
import dev.escalation.workers.notification.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON POST to a translation service through {@link ProviderHttp}, which classifies the answer
 * (429 and 5xx transient honouring {@code Retry-After}, other 4xx permanent with the service's error
 * text, unreachable or timed out transient); here that becomes a {@link TranslationException}.
 */
final class ProviderCall {
  static final ObjectMapper JSON = new ObjectMapper();

  private ProviderCall() {}

  static JsonNode post(String provider, URI uri, Map<String, String> headers, String json, Duration timeout,
      String errorField) throws TranslationException {
    try {
      ProviderHttp.Accepted answer = ProviderHttp.post(provider, uri, headers, json, timeout,
          body -> read(body).map(node -> node.path(errorField).asText(body)).orElse(body), body -> Optional.empty());
      return read(answer.body()).orElseThrow(() ->
          new TranslationException(false, provider + " answered " + answer.status() + " with no JSON: " + answer.body(), null));
    } catch (DeliveryException e) {
      throw new TranslationException(e.permanent(), e.getMessage(), e.retryAfter());
    }
  }

  private static Optional<JsonNode> read(String body) {
    try {
      return Optional.ofNullable(JSON.readTree(body)).filter(JsonNode::isObject);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
