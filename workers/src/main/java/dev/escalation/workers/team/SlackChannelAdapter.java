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
 * C5: a team alert as a Slack message through an incoming webhook, laid out with Block Kit (a
 * header, the text, a button to the ticket). Slack answers 200 {@code ok}; a refused post answers
 * 4xx with a short error such as {@code invalid_payload} or {@code channel_is_archived}, which ends
 * the alert FAILED; 429 (with {@code Retry-After}) and 5xx are retried.
 */
@Component
class SlackChannelAdapter implements ChannelAdapter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HEADER_LIMIT = 150;
  private static final int SECTION_LIMIT = 3000;

  private final TeamChannelProperties properties;

  SlackChannelAdapter(TeamChannelProperties properties) {
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    if (properties.slackWebhookUrl() == null) {
      throw DeliveryException.permanent("no Slack webhook configured: set escalation.team-channel.slack-webhook-url", null);
    }
    ProviderHttp.post("Slack", properties.slackWebhookUrl(), Map.of(), payload(notification), properties.timeout(),
        body -> body == null || body.isBlank() ? "(no error text)" : body.strip(), body -> Optional.empty());
  }

  String payload(Notification notification) {
    ObjectNode message = JSON.createObjectNode();
    message.put("text", notification.subject());
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", cut(notification.subject(), HEADER_LIMIT));
    ObjectNode section = blocks.addObject().put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", cut(escape(notification.body()), SECTION_LIMIT));
    if (notification.ticketId() != null) {
      ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject().put("type", "button");
      button.putObject("text").put("type", "plain_text").put("text", "Open ticket #" + notification.ticketId());
      button.put("url", properties.ticketUrl(notification.ticketId()));
    }
    return message.toString();
  }

  /** Slack's mrkdwn reads &, < and > as markup: written as entities they show as typed. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
