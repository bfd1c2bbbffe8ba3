package dev.escalation.workers.instagram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.messaging.GraphErrors;
import dev.escalation.workers.messaging.PlainText;
import dev.escalation.workers.messaging.ProviderHttp;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C2 on Instagram: a ticket's notices as direct messages to the Instagram-scoped id the customer
 * wrote from ({@code POST /{account-id}/messages}, {@code {"recipient": {"id"}, "message": {"text"}}}),
 * plain text within 1000 UTF-8 bytes. Instagram refuses messages outside its own 24-hour window with
 * an error, which ends the notice FAILED with Instagram's text.
 */
@Component
class InstagramChannelAdapter implements ChannelAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InstagramProperties properties;
  private final Conversations conversations;

  InstagramChannelAdapter(InstagramProperties properties, Conversations conversations) {
    this.properties = properties;
    this.conversations = conversations;
  }

  @Override
  public Channel channel() {
    return Channel.INSTAGRAM;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    if (properties.accessToken().isEmpty() || properties.accountId().isEmpty()) {
      throw DeliveryException.temporary("Instagram is not configured: set escalation.channels.instagram.access-token and"
          + " account-id (env INSTAGRAM_ACCESS_TOKEN, INSTAGRAM_ACCOUNT_ID)", null);
    }
    String igsid = conversations.of(notification.ticketId(), Channel.INSTAGRAM)
        .orElseThrow(() -> DeliveryException.permanent("ticket " + notification.ticketId()
            + " has no Instagram conversation: the customer never sent the account a direct message", null))
        .address();
    ObjectNode body = JSON.createObjectNode();
    body.putObject("recipient").put("id", igsid);
    body.putObject("message").put("text", PlainText.fitUtf8(notification.subject(), notification.body(), InstagramProperties.TEXT_BYTES));
    URI uri = URI.create(properties.graphBaseUrl().toString().replaceAll("/+$", "") + "/" + properties.apiVersion() + "/"
        + properties.accountId() + "/messages");
    ProviderHttp.post("Instagram", uri, Map.of("Authorization", "Bearer " + properties.accessToken()), body.toString(),
        properties.timeout(), GraphErrors::text, ignored -> Optional.empty());
  }
}
