package dev.escalation.workers.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.escalation.workers.messaging.ProviderHttp;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.ChannelAdapter;
import dev.escalation.workers.notification.DeliveryException;
import dev.escalation.workers.notification.Notification;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * C5: a team alert as an Adaptive Card in a Microsoft Teams channel, posted to a Teams workflow
 * ("when a Teams webhook request is received") or an incoming webhook: a message whose one
 * attachment is the card (title, text, a button to the ticket). A workflow answers 202, an incoming
 * webhook 200; other 4xx end the alert FAILED with Teams' text; 429 and 5xx are retried.
 */
@Component
class TeamsChannelAdapter implements ChannelAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TeamChannelProperties properties;

  TeamsChannelAdapter(TeamChannelProperties properties) {
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.TEAMS;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    if (properties.teamsWebhookUrl() == null) {
      throw DeliveryException.permanent("no Teams webhook configured: set escalation.team-channel.teams-webhook-url", null);
    }
    ProviderHttp.post("Teams", properties.teamsWebhookUrl(), Map.of(), payload(notification), properties.timeout(),
        body -> body == null || body.isBlank() ? "(no error text)" : body.strip(), body -> Optional.empty());
  }

  String payload(Notification notification) {
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard").put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", notification.subject()).put("weight", "Bolder").put("size", "Medium")
        .put("wrap", true);
    body.addObject().put("type", "TextBlock").put("text", notification.body()).put("wrap", true);
    if (notification.ticketId() != null) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open ticket #" + notification.ticketId())
          .put("url", properties.ticketUrl(notification.ticketId()));
    }
    return message.toString();
  }
}
