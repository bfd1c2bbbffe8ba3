package dev.escalation.workers.roster;

public enum Role {
  AGENT,
  SPECIALIST,
  MANAGER,
  HEAD_OF_SUPPORT
}
