package dev.escalation.workers.paging;

import dev.escalation.processes.ManagerPaging.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.TicketHistory;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.team.TeamChannel;
import dev.escalation.workers.team.TeamEvent;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** N2: pages of the on-duty manager, their re-pages through the on-call order, and acknowledgements. */
@Service
public class Pages {
  public enum Acknowledgement { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, UNANSWERED, UNKNOWN }

  private final PageLedger ledger;
  private final OnCallRoster onCall;
  private final Tickets tickets;
  private final EscalationRepository escalations;
  private final TicketHistory history;
  private final RosterRepository roster;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final PagingProcess process;
  private final PagingProperties properties;
  private final Map<PagingChannel, PagingAdapter> adapters = new EnumMap<>(PagingChannel.class);
  private final Clock clock;
  private final TeamChannel team;

  Pages(PageLedger ledger, OnCallRoster onCall, Tickets tickets, EscalationRepository escalations, TicketHistory history,
      RosterRepository roster, AuditTrail audit, Outbox outbox, PagingProcess process, PagingProperties properties, Clock clock,
      TeamChannel team) {
    this.team = team;
    this.ledger = ledger;
    this.onCall = onCall;
    this.tickets = tickets;
    this.escalations = escalations;
    this.history = history;
    this.roster = roster;
    this.audit = audit;
    this.outbox = outbox;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
    for (PagingAdapter adapter : List.of(new EmailPagingAdapter(outbox), new WebhookPagingAdapter(properties), new PagerDutyPagingAdapter(properties))) {
      adapters.put(adapter.channel(), adapter);
    }
  }

  /**
   * A page is wanted (P1 escalation or a criteria rule); {@code pageId} is the requesting job's key.
   * Not when the manager it would reach already has the ticket (owns it, or has an open page for
   * it): the timeline then says why no page went out. Each page sent is recorded once, by
   * {@link #sendNext}. The caller runs once per job, so the skip is recorded once.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void request(long pageId, long ticketId, boolean p1Escalation, String rule) {
    Ticket ticket = tickets.get(ticketId);
    String reason = reason(ticket, p1Escalation, rule);
    if (p1Escalation) { // C5: the team hears of every P1 escalation, paged or not
      team.post(TeamEvent.P1_ESCALATION, String.valueOf(pageId), ticketId, "P1 escalation: #" + ticketId + " " + ticket.subject(),
          reason + "; now tier " + ticket.tier() + ", owned by " + ticket.ownerUsername() + ".");
    }
    Optional<String> needless = whyNotToPage(ticket);
    if (needless.isPresent()) {
      audit.record(ticketId, AuditEventType.PAGE_SKIPPED, AuditTrail.SYSTEM, "No page for " + reason + ": " + needless.get());
      return;
    }
    ledger.create(pageId, ticketId, reason, ticket.priority().name(), clock.instant());
    process.start(pageId, ticketId);
  }

  /** What asked for the page: the P1 escalation (with its cause), the criteria rule, or both. */
  private String reason(Ticket ticket, boolean p1Escalation, String rule) {
    String escalation = p1Escalation
        ? escalations.findFirstByTicketIdOrderByIdDesc(ticket.id())
            .map(e -> "P1 escalation from tier " + e.fromTier() + " to tier " + e.toTier() + " (" + e.cause().toLowerCase().replace('_', ' ') + ")")
            .orElse("P1 escalation")
        : null;
    if (escalation != null && rule != null) {
      return escalation + " and " + rule;
    }
    return escalation != null ? escalation : rule == null ? "a page request without a recorded reason" : rule;
  }

  private Optional<String> whyNotToPage(Ticket ticket) {
    List<RosterMember> order = onCall.pagingOrder(clock.instant());
    if (order.isEmpty()) {
      return Optional.empty(); // sending fails with an incident that says how to fix the roster
    }
    RosterMember first = order.get(0);
    String manager = first.displayName() + " (" + first.username() + ")";
    if (first.username().equals(ticket.ownerUsername())) {
      return Optional.of(manager + ", the on-call manager, owns the ticket");
    }
    return ledger.ofTicket(ticket.id()).stream()
        .filter(p -> "TRIGGERED".equals(p.state()))
        .filter(p -> p.currentUsername() == null || p.currentUsername().equals(first.username()))
        .findFirst()
        .map(open -> "page " + open.id() + " to " + manager + " for this ticket (" + open.reason()
            + ") is still open, not yet acknowledged");
  }

  /** Sends page number {@code attemptsSoFar + 1}; returns the manager-paging variables. */
  @Transactional(propagation = Propagation.MANDATORY)
  Map<String, Object> sendNext(long pageId, int attemptsSoFar) {
    Page page = ledger.get(pageId).orElseThrow(() -> new FixableFailure("page " + pageId + " is not in the ledger",
        "check that the app and the workers use the same database (spring.datasource.url)"));
    Instant now = clock.instant();
    String repageAt = now.plus(properties.repageAfter()).toString();
    if (!"TRIGGERED".equals(page.state())) {
      return Map.of(Variables.ATTEMPT, attemptsSoFar, Variables.REPAGE_AT, repageAt, Variables.PAGES_LEFT, 0);
    }
    List<RosterMember> order = onCall.pagingOrder(now);
    if (order.isEmpty()) {
      throw new FixableFailure("nobody is on call and no MANAGER is available on the roster",
          "add an on-call shift (POST /api/on-call) or make a MANAGER available, then retry");
    }
    PagePolicy policy = PagePolicy.of(properties);
    int attempt = attemptsSoFar + 1;
    RosterMember manager = order.get(policy.managerIndex(attempt, order.size()));
    Ticket ticket = tickets.get(page.ticketId());
    PageMessage message = new PageMessage(pageId, attempt, ticket.id(), ticket.priority().name(),
        ticket.priority() + " #" + ticket.id() + " " + ticket.subject() + ": " + page.reason(), details(ticket, page), manager,
        properties.link("/#/tickets/" + ticket.id()), properties.link("/api/pages/" + pageId + "/ack"),
        "escalation-page-" + pageId + "-" + attempt);
    PagingChannel channel = properties.channel();
    adapters.get(channel).send(message);
    ledger.sent(pageId, attempt, manager.username(), channel, now);
    audit.record(ticket.id(), AuditEventType.MANAGER_PAGED, AuditTrail.SYSTEM,
        "Page " + pageId + (attempt > 1 ? " (page " + attempt + ", not yet acknowledged)" : "") + " to " + manager.displayName()
            + " (" + manager.username() + ") by " + channel + " for " + page.reason());
    return Map.of(Variables.ATTEMPT, attempt, Variables.REPAGE_AT, repageAt, Variables.PAGES_LEFT, policy.pagesLeft(attempt, order.size()));
  }

  private String details(Ticket ticket, Page page) {
    return ticket.priority() + " ticket #" + ticket.id() + " needs a manager. Paged for " + page.reason() + "; tier " + ticket.tier()
        + ", owned by " + ticket.ownerUsername() + ".\n\n" + history.of(ticket);
  }

  /** Nobody acknowledged within the bounded repeats: recorded, and the head of support is told. */
  @Transactional(propagation = Propagation.MANDATORY)
  void unanswered(long pageId) {
    Page page = ledger.get(pageId).orElseThrow();
    if (!ledger.unanswered(pageId, clock.instant())) {
      return;
    }
    String detail = "page " + pageId + " unanswered after " + page.attempts() + " pages";
    audit.record(page.ticketId(), AuditEventType.PAGE_UNANSWERED, AuditTrail.SYSTEM, detail);
    team.post(TeamEvent.PAGE_UNANSWERED, String.valueOf(pageId), page.ticketId(), "Unanswered page for #" + page.ticketId(),
        "Nobody acknowledged the page for ticket #" + page.ticketId() + " (" + page.reason() + ") after " + page.attempts()
            + " pages to the on-call managers.");
    roster.byRoleOnDutyFirst(Role.HEAD_OF_SUPPORT.name()).stream().findFirst().ifPresent(head -> outbox.enqueue(new Outbox.Message(
        "PAGE_UNANSWERED:" + pageId, page.ticketId(), NotificationKind.PAGE_UNANSWERED, head.email(), head.displayName(), Channel.EMAIL,
        "Unanswered page for #" + page.ticketId(),
        head.displayName() + ",\n\nnobody acknowledged the page for ticket #" + page.ticketId() + " (" + page.reason() + ") after "
            + page.attempts() + " pages to the on-call managers. Ticket: " + properties.link("/#/tickets/" + page.ticketId()))));
  }

  @Transactional
  public Acknowledgement acknowledge(long pageId, String by) {
    Optional<Page> page = ledger.get(pageId);
    if (page.isEmpty()) {
      return Acknowledgement.UNKNOWN;
    }
    if (!ledger.acknowledge(pageId, by, clock.instant())) {
      return "ACKNOWLEDGED".equals(page.get().state()) ? Acknowledgement.ALREADY_ACKNOWLEDGED : Acknowledgement.UNANSWERED;
    }
    audit.record(page.get().ticketId(), AuditEventType.PAGE_ACKNOWLEDGED, by, "page " + pageId + " acknowledged by " + by);
    return Acknowledgement.ACKNOWLEDGED;
  }

  public Optional<Page> page(long pageId) {
    return ledger.get(pageId);
  }

  public List<Page> ofTicket(long ticketId) {
    return ledger.ofTicket(ticketId);
  }
}
