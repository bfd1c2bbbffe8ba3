package dev.escalation.workers.paging;

/** A paging channel. Runs inside the send-page job's transaction. */
interface PageSender {
  PagingChannel channel();

  void send(PageMessage page);
}
