package dev.escalation.app.embedded;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Embedded mode's stand-in for Stripe: {@code POST /v1/refunds} with a bearer key and an
 * Idempotency-Key answers a succeeded refund whose id derives from that key, so a retried call gets
 * the same refund back, as Stripe does. Tests read the requests it received.
 */
public final class FakePaymentProvider {
  public static final String API_KEY = "sk_test_embedded";

  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

  FakePaymentProvider start() {
    server.start();
    server.stubFor(post(urlEqualTo("/v1/refunds"))
        .withHeader("Authorization", matching("Bearer sk_.+"))
        .withHeader("Idempotency-Key", matching(".+"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"id\": \"re_{{request.headers.Idempotency-Key}}\", \"object\": \"refund\", \"status\": \"succeeded\"}")));
    return this;
  }

  void stop() {
    server.stop();
  }

  public WireMockServer server() {
    return server;
  }

  public String baseUrl() {
    return server.baseUrl();
  }
}
