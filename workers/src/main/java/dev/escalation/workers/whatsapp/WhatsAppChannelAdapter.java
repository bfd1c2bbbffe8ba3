package dev.escalation.workers.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.inbound.Conversations.Contact;
import dev.escalation.workers.messaging.GraphErrors;
import dev.escalation.workers.messaging.PlainText;
import dev.escalation.workers.messaging.ProviderHttp;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C2 on WhatsApp: notices through the Cloud API's {@code /{phone-number-id}/messages}. Within 24
 * hours of the customer's last message a plain-text message (4096 characters at most); outside that
 * window the configured approved template, or, with none configured, the notice is UNDELIVERABLE
 * with that reason and the outbox sends it by email when the customer has an address.
 */
@Component
class WhatsAppChannelAdapter implements ChannelAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WhatsAppProperties properties;
  private final Conversations conversations;
  private final Clock clock;

  WhatsAppChannelAdapter(WhatsAppProperties properties, Conversations conversations, Clock clock) {
    this.properties = properties;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.WHATSAPP;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    if (properties.accessToken().isEmpty() || properties.phoneNumberId().isEmpty()) {
      throw DeliveryException.temporary("WhatsApp is not configured: set escalation.channels.whatsapp.access-token and"
          + " phone-number-id (env WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID)", null);
    }
    Contact contact = conversations.of(notification.ticketId(), Channel.WHATSAPP)
        .orElseThrow(() -> DeliveryException.permanent("ticket " + notification.ticketId()
            + " has no WhatsApp conversation: the customer never wrote to the business number", null));
    ObjectNode body = JSON.createObjectNode();
    body.put("messaging_product", "whatsapp");
    body.put("recipient_type", "individual");
    body.put("to", contact.address());
    boolean windowOpen = contact.lastInboundAt().plus(WhatsAppProperties.CUSTOMER_SERVICE_WINDOW).isAfter(clock.instant());
    if (windowOpen) {
      body.put("type", "text");
      ObjectNode text = body.putObject("text");
      text.put("preview_url", false);
      text.put("body", PlainText.fit(notification.subject(), notification.body(), WhatsAppProperties.TEXT_LIMIT));
    } else if (!properties.templateName().isEmpty()) {
      body.put("type", "template");
      ObjectNode template = body.putObject("template");
      template.put("name", properties.templateName());
      template.putObject("language").put("code", properties.templateLanguage());
    } else {
      throw DeliveryException.undeliverable("C2: the customer last wrote on WhatsApp at " + contact.lastInboundAt()
          + ", more than 24 hours ago, and no approved template is configured (escalation.channels.whatsapp.template-name);"
          + " sent by email instead when the customer has an address");
    }
    URI uri = URI.create(properties.graphBaseUrl().toString().replaceAll("/+$", "") + "/" + properties.apiVersion() + "/"
        + properties.phoneNumberId() + "/messages");
    ProviderHttp.post("WhatsApp", uri, Map.of("Authorization", "Bearer " + properties.accessToken()), body.toString(),
        properties.timeout(), GraphErrors::text, ignored -> Optional.empty());
  }
}
