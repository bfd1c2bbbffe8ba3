package dev.escalation.workers.notice;

/**
 * C2: the customer notices that are written from a template file, one file per language:
 * {@code notices/<language>/<file>.txt}. The placeholders each one may use are listed here, so a
 * template that asks for anything else fails when it is rendered (and in NoticeTemplatesTest).
 */
public enum NoticeTemplate {
  ACKNOWLEDGEMENT("acknowledgement", "ticket", "customer", "subject", "owner", "due"),
  ESCALATION_NOTICE("escalation-notice", "ticket", "customer", "subject", "owner", "team", "due"),
  /** Waiting on the customer, with the question the owner asked. */
  WAITING("waiting", "ticket", "customer", "subject", "question"),
  /** Waiting on the customer when the owner wrote no question. */
  WAITING_GENERAL("waiting-general", "ticket", "customer", "subject"),
  RESOLUTION("resolution", "ticket", "customer", "subject", "summary"),
  /** An agent's answer: the text as the agent wrote it, framed in the customer's language. */
  REPLY("reply", "ticket", "customer", "subject", "reply", "author"),
  FIX_SHIPPED("fix-shipped", "ticket", "customer", "subject"),
  REFUND_ISSUED("refund-issued", "ticket", "customer", "subject", "amount"),
  REFUND_DECLINED("refund-declined", "ticket", "customer", "subject", "amount"),
  REFUND_DECLINED_WITH_REASON("refund-declined-with-reason", "ticket", "customer", "subject", "amount", "reason");

  private final String file;
  private final java.util.Set<String> placeholders;

  NoticeTemplate(String file, String... placeholders) {
    this.file = file;
    this.placeholders = java.util.Set.of(placeholders);
  }

  /** The file name without language folder and extension. */
  public String file() {
    return file;
  }

  /** The placeholders a caller supplies for this notice. */
  public java.util.Set<String> placeholders() {
    return placeholders;
  }
}
