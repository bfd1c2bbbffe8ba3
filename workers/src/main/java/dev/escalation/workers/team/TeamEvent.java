package dev.escalation.workers.team;

/** C5: what the team channel hears about. Which events go to Slack and which to Teams is configuration. */
public enum TeamEvent {
  P1_ESCALATION,
  TOP_TIER_BREACH,
  PAGE_UNANSWERED,
  /** M1/M8: the escalation rate crossed its threshold. */
  ESCALATION_RATE
}
