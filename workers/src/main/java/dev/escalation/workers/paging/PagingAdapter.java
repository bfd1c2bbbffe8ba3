package dev.escalation.workers.paging;

/** A paging channel. Runs inside the send-page job's transaction. */
interface PagingAdapter {
  PagingChannel channel();

  void send(PageMessage page);
}
