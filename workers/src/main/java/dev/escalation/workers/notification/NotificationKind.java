package dev.escalation.workers.notification;

public enum NotificationKind {
  ACKNOWLEDGEMENT,
  ESCALATION_NOTICE,
  WAITING,
  RESOLUTION,
  OWNER_ASSIGNED,
  SLA_WARNING,
  SLA_BREACH,
  PAGE,
  HEAD_OF_SUPPORT_ALERT
}
