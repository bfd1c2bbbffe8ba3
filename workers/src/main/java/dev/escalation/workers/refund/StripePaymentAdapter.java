package dev.escalation.workers.refund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.job.FixableFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The payment adapter: a Stripe-compatible {@code POST /v1/refunds}, form-encoded, with the secret
 * key as bearer token. Every call carries an {@code Idempotency-Key} derived from the refund
 * request, so a retried or redelivered job gets the provider's first answer back instead of a
 * second refund (N4).
 */
@Component
public class StripePaymentAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PaymentProperties properties;
  private final HttpClient http;

  StripePaymentAdapter(PaymentProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout()).build();
  }

  /** The provider's refund id ({@code re_...}). */
  public String refund(RefundRequest request) {
    if (properties.apiKey().isBlank()) {
      throw new FixableFailure("no payment API key is configured, so refund request " + request.id() + " cannot be issued",
          "set escalation.payments.api-key (env ESCALATION_PAYMENTS_API_KEY) to the provider's secret key and restart");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("amount", Long.toString(minorUnits(request.amount(), request.currency())));
    form.put("currency", request.currency().toLowerCase(java.util.Locale.ROOT));
    if (request.paymentIntent() != null) {
      form.put("payment_intent", request.paymentIntent());
    }
    form.put("reason", "requested_by_customer");
    form.put("metadata[ticket_id]", Long.toString(request.ticketId()));
    form.put("metadata[refund_request_id]", Long.toString(request.id()));
    HttpRequest call = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/v1/refunds"))
        .timeout(properties.timeout())
        .header("Authorization", "Bearer " + properties.apiKey())
        .header("Idempotency-Key", request.idempotencyKey())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(call, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the payment provider at " + properties.baseUrl() + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the payment provider", e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429 || status == 409) {
      // Temporary (409: the same idempotency key is still being processed): retried with backoff.
      throw new IllegalStateException("the payment provider answered HTTP " + status + " for refund request " + request.id());
    }
    JsonNode body = read(response.body());
    if (status >= 400) {
      String message = body.path("error").path("message").asText("HTTP " + status);
      throw new FixableFailure("the payment provider refused refund request " + request.id() + " (HTTP " + status + "): " + message,
          "check the payment (payment intent, amount, currency) and the API key at the provider, fix it, then retry");
    }
    String refundStatus = body.path("status").asText();
    if ("failed".equals(refundStatus) || "canceled".equals(refundStatus)) {
      throw new FixableFailure("the payment provider marked refund " + body.path("id").asText() + " as " + refundStatus,
          "look at the refund in the provider's dashboard; issue it there or correct the payment, then retry");
    }
    return body.path("id").asText();
  }

  static long minorUnits(BigDecimal amount, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return amount.movePointRight(digits).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      throw new IllegalStateException("the payment provider answered something that is not JSON: " + body, e);
    }
  }
}
