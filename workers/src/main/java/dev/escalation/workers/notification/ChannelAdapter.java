package dev.escalation.workers.notification;

/**
 * Delivers notifications of one {@link Channel}. Every bean of this type is picked up by the
 * {@link OutboxDispatcher}; a channel without an adapter makes its notifications UNDELIVERABLE.
 */
public interface ChannelAdapter {

  Channel channel();

  /**
   * Delivers the notification, or throws. Returning normally means the receiving system accepted
   * it. Implementations should make repeated delivery of the same notification recognisable to
   * the receiver (an outbox delivers at least once).
   */
  void deliver(Notification notification) throws DeliveryException;
}
