package dev.escalation.workers.paging;

import dev.escalation.workers.job.ConfigurationFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** A generic paging webhook: one JSON POST per page, with an {@code Idempotency-Key} header. */
class WebhookPagingAdapter implements PagingAdapter {
  private final PagingProperties properties;
  private final PagingHttp http;

  WebhookPagingAdapter(PagingProperties properties) {
    this.properties = properties;
    this.http = new PagingHttp(properties.timeout());
  }

  @Override
  public PagingChannel channel() {
    return PagingChannel.WEBHOOK;
  }

  @Override
  public void send(PageMessage page) {
    if (properties.webhook().url() == null) {
      throw new ConfigurationFailure("escalation.paging.webhook.url is not set but escalation.paging.channel is WEBHOOK",
          "set escalation.paging.webhook.url (env PAGING_WEBHOOK_URL), or set escalation.paging.channel=EMAIL");
    }
    http.post("the paging webhook", properties.webhook().url(), body(page), Map.of("Idempotency-Key", page.dedupKey()),
        "check escalation.paging.webhook.url (now " + properties.webhook().url() + ") and what the receiver expects");
  }

  static Map<String, Object> body(PageMessage page) {
    Map<String, Object> manager = new LinkedHashMap<>();
    manager.put("username", page.manager().username());
    manager.put("displayName", page.manager().displayName());
    manager.put("email", page.manager().email());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pageId", page.pageId());
    body.put("attempt", page.attempt());
    body.put("dedupKey", page.dedupKey());
    body.put("ticketId", page.ticketId());
    body.put("priority", page.priority());
    body.put("summary", page.summary());
    body.put("manager", manager);
    body.put("ticketUrl", page.ticketUrl());
    body.put("acknowledgeUrl", page.acknowledgeUrl());
    return body;
  }
}
