package dev.escalation.workers.notification;

public enum NotificationStatus {
  /** Waiting for (another) delivery attempt. */
  PENDING,
  SENT,
  /** Rejected for good (for example an address the mail server refuses); see lastError. */
  FAILED,
  /** No adapter exists for the channel; nothing was sent. */
  UNDELIVERABLE
}
