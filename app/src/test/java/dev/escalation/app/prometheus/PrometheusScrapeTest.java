package dev.escalation.app.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14 end to end: {@code /actuator/prometheus} of the running app, scraped from the local host
 * without login and refused to another address without the scrape token (none is configured here);
 * a P1 that breaches shows in the counters, the latency histogram and the ledger gauges.
 */
@EmbeddedAppTest
class PrometheusScrapeTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @LocalServerPort int port;

  private HttpResponse<String> scrape(String host, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/actuator/prometheus")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = scrape("127.0.0.1", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of the sample with exactly this name and these labels; 0 when it is not there (yet). */
  private static double value(String scrape, String sample) {
    return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(sample + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1))).findFirst().orElse(0);
  }

  /** This machine's first address that is not the loopback: a connection from it is not "the local host". */
  private static String otherAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return address.getHostAddress();
        }
      }
    }
    throw new AssertionError("this test needs a network interface besides the loopback");
  }

  @Test
  void theLocalHostScrapesWithoutLoginAndAnotherAddressIsRefused() throws Exception {
    HttpResponse<String> local = scrape("127.0.0.1", null);
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(local.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

    String other = otherAddress();
    HttpResponse<String> anonymous = scrape(other, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(scrape(other, "Bearer guessed-token").statusCode()).isEqualTo(403);
    assertThat(scrape(other, TicketApi.basic("admin", TicketApi.DEMO_PASSWORD)).statusCode()).isEqualTo(403);
  }

  @Test
  void aBreachingP1ShowsInTheCountersTheHistogramAndTheGauges() throws Exception {
    TicketApi api = new TicketApi(port);
    String before = scrape();
    long id = api.open("P1", "BILLING", "prometheus@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).hasNonNull("owner"));

    String opened = scrape();
    assertThat(value(opened, "escalation_tickets_opened_total{channel=\"email\",priority=\"P1\"}"))
        .isEqualTo(value(before, "escalation_tickets_opened_total{channel=\"email\",priority=\"P1\"}") + 1);
    assertThat(opened).contains("escalation_tickets_open{status=\"OPEN\",tier=\"1\"}",
        "escalation_tickets_open{status=\"WAITING_ON_CUSTOMER\",tier=\"3\"}", "escalation_outbox_backlog{channel=\"EMAIL\"}");

    // the clocks start a step after the owner (the SLA policy is evaluated first): move time only once they run
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    api.advanceClock("PT16M");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 2);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String after = scrape();
      assertThat(value(after, "escalation_sla_breaches_total{clock=\"response\",tier=\"1\"}"))
          .isGreaterThanOrEqualTo(value(before, "escalation_sla_breaches_total{clock=\"response\",tier=\"1\"}") + 1);
      String escalations = "escalation_escalations_total{cause=\"RESPONSE_SLA_BREACHED\",from_tier=\"1\",to_tier=\"2\",type=\"FUNCTIONAL\"}";
      assertThat(value(after, escalations)).isGreaterThanOrEqualTo(value(before, escalations) + 1);
      assertThat(value(after, "escalation_handoff_latency_seconds_count{clock=\"response\"}"))
          .isGreaterThanOrEqualTo(value(before, "escalation_handoff_latency_seconds_count{clock=\"response\"}") + 1);
      assertThat(value(after, "escalation_tickets_open{status=\"OPEN\",tier=\"2\"}")).isGreaterThanOrEqualTo(1);
    });
  }
}
