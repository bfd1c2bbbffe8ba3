package dev.escalation.app.digest;

import dev.escalation.app.alert.Managers;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.ticket.TicketProperties;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managers' weekly digest: once a week has ended (Monday 00:00 in the support zone), the next scheduled
 * check sends its digest to every manager through the outbox. A row per week decides, in the transaction
 * that enqueues the mails, so the digest goes out once whatever the number of replicas or checks.
 */
@Component
public class WeeklyDigest {
  private final WeeklyDigestMail mail;
  private final Managers managers;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final DigestProperties properties;
  private final ZoneId zone;
  private final Clock clock;
  private final TransactionTemplate transactions;

  WeeklyDigest(WeeklyDigestMail mail, Managers managers, Outbox outbox, JdbcClient jdbc, DigestProperties properties,
      TicketProperties tickets, Clock clock, PlatformTransactionManager transactionManager) {
    this.mail = mail;
    this.managers = managers;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.properties = properties;
    this.zone = ZoneId.of(tickets.zone());
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Scheduled(fixedDelayString = "${escalation.digest.check-interval:PT1H}", initialDelayString = "${escalation.digest.check-interval:PT1H}")
  void onSchedule() {
    if (properties.enabled()) {
      sendLastWeek(clock.instant());
    }
  }

  /** The Monday of the last week that had ended at {@code now}. */
  public LocalDate lastWeekStart(Instant now) {
    return now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
  }

  /** Sends the digest of the last finished week unless it was sent; true when this call sent it. */
  public boolean sendLastWeek(Instant now) {
    return send(lastWeekStart(now));
  }

  /** Sends the digest of the week starting on Monday {@code weekStart} unless it was sent; true when this call sent it. */
  public boolean send(LocalDate weekStart) {
    if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("a digest week starts on a Monday, not on " + weekStart);
    }
    return Boolean.TRUE.equals(transactions.execute(status -> {
      int claimed = jdbc.sql("INSERT IGNORE INTO weekly_digest (week_start, sent_at) VALUES (?, ?)")
          .params(Date.valueOf(weekStart), Timestamp.from(clock.instant())).update();
      if (claimed == 0) {
        return false;
      }
      String subject = mail.subject(weekStart);
      String body = mail.body(weekStart);
      for (RosterMember manager : managers.all()) {
        outbox.enqueue(new Outbox.Message("WEEKLY_DIGEST:" + weekStart + ":" + manager.username(), null, NotificationKind.WEEKLY_DIGEST,
            manager.email(), manager.displayName(), Channel.EMAIL, subject, "Hello " + manager.displayName() + ",\n\n" + body));
      }
      return true;
    }));
  }
}
