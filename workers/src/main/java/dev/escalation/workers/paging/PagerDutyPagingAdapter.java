package dev.escalation.workers.paging;

import dev.escalation.workers.job.ConfigurationFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PagerDuty Events API v2: {@code event_action: trigger} with a {@code dedup_key} per page and
 * attempt, so a resend after a crash is deduplicated by PagerDuty and a re-page is a new alert.
 */
class PagerDutyPagingAdapter implements PagingAdapter {
  private final PagingProperties properties;
  private final PagingHttp http;

  PagerDutyPagingAdapter(PagingProperties properties) {
    this.properties = properties;
    this.http = new PagingHttp(properties.timeout());
  }

  @Override
  public PagingChannel channel() {
    return PagingChannel.PAGERDUTY;
  }

  @Override
  public void send(PageMessage page) {
    String routingKey = properties.pagerduty().routingKey();
    if (routingKey == null || routingKey.isBlank()) {
      throw new ConfigurationFailure("escalation.paging.pagerduty.routing-key is not set but escalation.paging.channel is PAGERDUTY",
          "set escalation.paging.pagerduty.routing-key (env PAGERDUTY_ROUTING_KEY) to the service's Events API v2 integration key");
    }
    http.post("PagerDuty", properties.pagerduty().url(), body(page, routingKey, properties.pagerduty().source()), Map.of(),
        "check escalation.paging.pagerduty.routing-key (env PAGERDUTY_ROUTING_KEY) and escalation.paging.pagerduty.url");
  }

  static Map<String, Object> body(PageMessage page, String routingKey, String source) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("ticketId", page.ticketId());
    details.put("priority", page.priority());
    details.put("manager", page.manager().username());
    details.put("attempt", page.attempt());
    details.put("acknowledgeUrl", page.acknowledgeUrl());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("summary", page.summary());
    payload.put("source", source);
    payload.put("severity", severity(page.priority()));
    payload.put("custom_details", details);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", routingKey);
    body.put("event_action", "trigger");
    body.put("dedup_key", page.dedupKey());
    body.put("payload", payload);
    body.put("links", List.of(Map.of("href", page.ticketUrl(), "text", "Ticket #" + page.ticketId())));
    return body;
  }

  static String severity(String priority) {
    return switch (priority) {
      case "P1" -> "critical";
      case "P2" -> "error";
      default -> "warning";
    };
  }
}
