package dev.escalation.app.notification;

import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {
  private final NotificationRepository notifications;

  NotificationController(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  record NotificationView(
      long id, Long ticketId, String kind, String recipient, String recipientName, String channel, String status,
      String subject, String body, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    static NotificationView of(Notification n) {
      return new NotificationView(n.id(), n.ticketId(), n.kind().name(), n.recipient(), n.recipientName(), n.channel().name(),
          n.status().name(), n.subject(), n.body(), n.attempts(), n.lastError(), n.createdAt(), n.sentAt());
    }
  }

  @GetMapping("/api/notifications")
  List<NotificationView> notifications(@RequestParam(required = false) Long ticketId) {
    var rows = ticketId == null ? notifications.findAllByOrderByIdDesc().stream().limit(500).toList()
        : notifications.findByTicketIdOrderByIdAsc(ticketId);
    return rows.stream().map(NotificationView::of).toList();
  }
}
