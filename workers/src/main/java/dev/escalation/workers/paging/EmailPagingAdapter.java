package dev.escalation.workers.paging;

import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;

/** The fallback channel: the page as an e-mail through the outbox, once per page and attempt. */
class EmailPagingAdapter implements PagingAdapter {
  private final Outbox outbox;

  EmailPagingAdapter(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public PagingChannel channel() {
    return PagingChannel.EMAIL;
  }

  @Override
  public void send(PageMessage page) {
    outbox.enqueue(new Outbox.Message("PAGE:" + page.pageId() + ":" + page.attempt(), page.ticketId(), NotificationKind.PAGE,
        page.manager().email(), page.manager().displayName(), Channel.EMAIL,
        "PAGE " + page.summary() + (page.attempt() > 1 ? " (page " + page.attempt() + ", not yet acknowledged)" : ""),
        "On-call manager " + page.manager().displayName() + ",\n\n" + page.details()
            + "\n\nAcknowledge this page: POST " + page.acknowledgeUrl() + "\nTicket: " + page.ticketUrl()));
  }
}
