package dev.escalation.workers.review;

/** A3: why an escalation happened, as the reviewing team lead sees it (feeds M5). */
public enum RootCause {
  KNOWLEDGE_GAP,
  MISSING_AUTHORITY,
  MISSING_ACCESS,
  PRODUCT_BUG,
  PROCESS_GAP,
  CUSTOMER_EXPECTATION,
  SLA_TOO_TIGHT,
  OTHER
}
