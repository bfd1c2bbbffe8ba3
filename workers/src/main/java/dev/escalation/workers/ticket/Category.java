package dev.escalation.workers.ticket;

public enum Category {
  BILLING,
  TECHNICAL,
  ACCOUNT,
  SECURITY,
  OTHER
}
