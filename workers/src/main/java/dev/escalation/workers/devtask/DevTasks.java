package dev.escalation.workers.devtask;

import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * N3: files a ticket's dev task in the configured tracker, exactly once (N4), and records when
 * the tracker closes it. Public for the app's API and webhooks.
 */
@Service
public class DevTasks {
  private final DevTaskLedger ledger;
  private final Tickets tickets;
  private final AuditTrail audit;
  private final DevTaskProperties properties;
  private final TrackerAdapters trackers;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  DevTasks(DevTaskLedger ledger, Tickets tickets, AuditTrail audit, DevTaskProperties properties, TrackerAdapters trackers,
      PlatformTransactionManager transactions, Clock clock) {
    this.ledger = ledger;
    this.tickets = tickets;
    this.audit = audit;
    this.properties = properties;
    this.trackers = trackers;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Creates the ticket's dev task, inside the caller's (the job's) transaction. For an external
   * tracker the intent is committed first in its own transaction; a later attempt that finds the
   * intent looks the issue up by its marker label before creating one, so a crash between the
   * tracker's answer and the job's commit never leads to a second issue.
   */
  Map<String, Object> createFor(long ticketId) {
    Optional<DevTask> earlier = ledger.ofTicket(ticketId);
    if (earlier.isPresent() && earlier.get().state() != DevTaskState.CREATING) {
      return result(earlier.get().key());
    }
    Ticket ticket = tickets.get(ticketId);
    IssueDraft draft = draft(ticket);
    Tracker tracker = properties.tracker();
    if (tracker == Tracker.INTERNAL) {
      long id = earlier.map(DevTask::id)
          .orElseGet(() -> ledger.insert(ticketId, Tracker.INTERNAL, DevTaskState.CREATING, draft.title(), draft.markdown(), clock.instant()));
      String key = "DEV-" + id;
      ledger.opened(id, Tracker.INTERNAL, key, properties.appUrl("/api/dev-tasks/" + key), clock.instant());
      audit.record(ticketId, AuditEventType.DEV_TASK_CREATED, AuditTrail.SYSTEM, "dev task " + key + " created in the internal tracker: " + draft.title());
      return result(key);
    }
    TrackerAdapter adapter = trackers.get(tracker);
    long id = earlier.map(DevTask::id).orElseGet(() -> ownTransaction.execute(
        s -> ledger.insert(ticketId, tracker, DevTaskState.CREATING, draft.title(), draft.markdown(), clock.instant())));
    TrackerIssue issue = (earlier.isPresent() ? adapter.find(draft) : Optional.<TrackerIssue>empty())
        .orElseGet(() -> adapter.create(draft));
    ledger.opened(id, tracker, issue.key(), issue.url(), clock.instant());
    audit.record(ticketId, AuditEventType.DEV_TASK_CREATED, AuditTrail.SYSTEM,
        "dev task " + issue.key() + " created in " + tracker + ": " + issue.url());
    return result(issue.key());
  }

  private static Map<String, Object> result(String key) {
    return Map.of(Variables.DEV_TASK_KEY, key);
  }

  IssueDraft draft(Ticket ticket) {
    var customer = ticket.customer();
    String impact = ticket.priority() + " " + ticket.category() + " ticket"
        + (customer.vip() ? ", VIP customer" : "")
        + (customer.annualRevenue() != null ? ", annual revenue " + customer.annualRevenue().toPlainString() : "")
        + ", currently at tier " + ticket.tier() + " (" + ticket.channel() + ")";
    String title = abbreviate("[Support #" + ticket.id() + "] " + ticket.subject(), 250);
    return new IssueDraft(ticket.id(), title, ticket.subject(), impact, ticket.description(), properties.ticketUrl(ticket.id()),
        marker(ticket.id()));
  }

  static String marker(long ticketId) {
    return "escalation-ticket-" + ticketId;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  public Optional<DevTask> ofTicket(long ticketId) {
    return ledger.ofTicket(ticketId);
  }

  /** The dev tasks of these tickets, by ticket id. */
  public Map<Long, DevTask> ofTickets(java.util.Collection<Long> ticketIds) {
    Map<Long, DevTask> byTicket = new java.util.HashMap<>();
    ledger.ofTickets(ticketIds).forEach(t -> byTicket.put(t.ticketId(), t));
    return byTicket;
  }

  public List<DevTask> recent() {
    return ledger.recent();
  }

  public Optional<DevTask> byKey(Tracker tracker, String key) {
    return ledger.byKey(tracker, key);
  }

  /**
   * The tracker says the task is done. Returns the task when this call closed it (the caller then
   * tells the ticket's process); empty when the task is unknown or was already closed. Runs in the
   * caller's transaction.
   */
  public Optional<DevTask> closedByTracker(Tracker tracker, String key, String actor) {
    Optional<DevTask> task = ledger.byKey(tracker, key);
    if (task.isEmpty() || !ledger.close(task.get().id(), clock.instant())) {
      return Optional.empty();
    }
    audit.record(task.get().ticketId(), AuditEventType.DEV_TASK_CLOSED, actor, "dev task " + key + " closed in " + tracker);
    return ledger.ofTicket(task.get().ticketId());
  }
}
