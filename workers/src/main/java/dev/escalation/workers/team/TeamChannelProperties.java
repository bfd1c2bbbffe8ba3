package dev.escalation.workers.team;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * C5 team channel settings ({@code escalation.team-channel.*}). The webhook addresses are secrets
 * (anyone holding one can post): set them from the environment, never in the repository.
 *
 * @param slackWebhookUrl the Slack incoming webhook ({@code https://hooks.slack.com/services/...}); unset: no Slack
 * @param teamsWebhookUrl the Microsoft Teams workflow or incoming webhook address; unset: no Teams
 * @param routes which targets each event goes to, e.g. {@code routes.P1_ESCALATION=SLACK,TEAMS}; an event
 *     without a route goes to every configured target, an empty route to none
 * @param ticketLinkBase the app's public address; alerts link to {@code {base}/#/tickets/{id}}
 * @param timeout connect and read timeout of one post
 */
@ConfigurationProperties("escalation.team-channel")
public record TeamChannelProperties(
    URI slackWebhookUrl, URI teamsWebhookUrl, Map<TeamEvent, List<TeamTarget>> routes, URI ticketLinkBase, Duration timeout) {

  public TeamChannelProperties {
    routes = routes == null ? Map.of() : Map.copyOf(routes);
    ticketLinkBase = ticketLinkBase == null ? URI.create("http://localhost:8080") : ticketLinkBase;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  /** The targets that get this event: its route, or every configured target; only those with an address. */
  public List<TeamTarget> targetsOf(TeamEvent event) {
    List<TeamTarget> wanted = routes.getOrDefault(event, List.of(TeamTarget.values()));
    return wanted.stream().distinct().filter(t -> webhook(t) != null).toList();
  }

  public URI webhook(TeamTarget target) {
    return switch (target) {
      case SLACK -> slackWebhookUrl;
      case TEAMS -> teamsWebhookUrl;
    };
  }

  public String ticketUrl(long ticketId) {
    return ticketLinkBase.toString().replaceAll("/+$", "") + "/#/tickets/" + ticketId;
  }
}
