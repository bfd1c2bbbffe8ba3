package dev.escalation.workers.paging;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * N2 paging, under {@code escalation.paging}.
 *
 * @param channel EMAIL (default), WEBHOOK or PAGERDUTY
 * @param repageAfter how long a page waits for its acknowledgement before the next page
 * @param pagesPerManager pages one manager gets (the first and its repeats) before the next in the on-call order
 * @param maxPages upper bound on pages for one request, whatever the roster's size (no storms)
 * @param appUrl the app's public address, for the ticket and acknowledge links in a page
 * @param timeout connect/read timeout of the webhook and PagerDuty calls
 */
@ConfigurationProperties("escalation.paging")
public record PagingProperties(
    PagingChannel channel, Duration repageAfter, Integer pagesPerManager, Integer maxPages, URI appUrl, Duration timeout,
    Webhook webhook, PagerDuty pagerduty) {

  public PagingProperties {
    channel = channel == null ? PagingChannel.EMAIL : channel;
    repageAfter = repageAfter == null ? Duration.ofMinutes(5) : repageAfter;
    pagesPerManager = pagesPerManager == null ? 2 : pagesPerManager;
    maxPages = maxPages == null ? 6 : maxPages;
    appUrl = appUrl == null ? URI.create("http://localhost:8080") : appUrl;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    webhook = webhook == null ? new Webhook(null) : webhook;
    pagerduty = pagerduty == null ? new PagerDuty(null, null, null) : pagerduty;
    if (repageAfter.isNegative() || repageAfter.isZero()) {
      throw new IllegalArgumentException("escalation.paging.repage-after must be positive");
    }
    if (pagesPerManager < 1 || maxPages < 1) {
      throw new IllegalArgumentException("escalation.paging.pages-per-manager and max-pages must be at least 1");
    }
  }

  String link(String path) {
    return appUrl.toString().replaceAll("/+$", "") + path;
  }

  /** @param url where pages are POSTed (env PAGING_WEBHOOK_URL) */
  public record Webhook(URI url) {
    public Webhook {
      url = url == null || url.toString().isBlank() ? null : url;
    }
  }

  /**
   * @param url the Events API v2 endpoint
   * @param routingKey the integration key of the PagerDuty service (env PAGERDUTY_ROUTING_KEY)
   * @param source the {@code payload.source} of every event
   */
  public record PagerDuty(URI url, String routingKey, String source) {
    public PagerDuty {
      url = url == null ? URI.create("https://events.pagerduty.com/v2/enqueue") : url;
      source = source == null ? "escalation-engine" : source;
    }
  }
}
