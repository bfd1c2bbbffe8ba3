package dev.escalation.workers.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NotificationRepository extends ListCrudRepository<Notification, Long> {
  List<Notification> findByTicketIdOrderByIdAsc(long ticketId);

  List<Notification> findAllByOrderByIdDesc();

  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  @Query("SELECT * FROM notification WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id LIMIT :limit")
  List<Notification> due(Instant now, int limit);
}
