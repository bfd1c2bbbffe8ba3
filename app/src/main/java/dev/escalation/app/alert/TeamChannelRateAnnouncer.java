package dev.escalation.app.alert;

import dev.escalation.workers.team.TeamChannel;
import dev.escalation.workers.team.TeamEvent;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * M8, C5: a crossing above the threshold is also posted to the team channel (Slack, Teams), once per
 * crossing: the post is keyed by the crossing's id, so the outbox drops a second one.
 */
@Component
class TeamChannelRateAnnouncer implements RateCrossingAnnouncer {
  private final TeamChannel team;

  TeamChannelRateAnnouncer(TeamChannel team) {
    this.team = team;
  }

  @Override
  public void crossedAbove(RateCrossing crossing) {
    team.post(TeamEvent.ESCALATION_RATE, "crossing-" + crossing.id(), null, EscalationRateAlerts.subject(crossing), text(crossing));
  }

  static String text(RateCrossing c) {
    String categories = c.topCategories().stream()
        .map(k -> k.category() + " (" + k.escalated() + " of " + k.opened() + ")").collect(Collectors.joining(", "));
    String rules = c.topRules().stream().map(r -> r.ruleId() + " (" + r.escalatedTickets() + ")").collect(Collectors.joining(", "));
    return c.ticketsEscalated() + " of " + c.ticketsOpened() + " tickets opened in the window were escalated."
        + " Most escalated categories: " + (categories.isEmpty() ? "none" : categories) + "."
        + " Criteria rules on them: " + (rules.isEmpty() ? "none recorded" : rules) + ".";
  }
}
