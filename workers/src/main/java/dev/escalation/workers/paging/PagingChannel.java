package dev.escalation.workers.paging;

/** How pages reach the on-call manager (escalation.paging.channel). */
public enum PagingChannel {
  /** Through the outbox by e-mail: the fallback, and embedded mode. */
  EMAIL,
  /** A JSON POST to a configured URL (SMS gateways, chat bots, Opsgenie/incident.io webhooks ...). */
  WEBHOOK,
  /** PagerDuty Events API v2 ({@code /v2/enqueue}). */
  PAGERDUTY
}
