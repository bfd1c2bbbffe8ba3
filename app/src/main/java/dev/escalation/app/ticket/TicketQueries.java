package dev.escalation.app.ticket;

import dev.escalation.app.ticket.HistoryViews.AttemptView;
import dev.escalation.app.ticket.HistoryViews.EscalationView;
import dev.escalation.app.ticket.HistoryViews.HandoffNoteView;
import dev.escalation.app.ticket.HistoryViews.MessageView;
import dev.escalation.app.translation.ConversationTranslations;
import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.devtask.DevTasks;
import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.ResolutionAttemptRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketProperties;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Clock;
import dev.escalation.workers.criteria.CriteriaQueries;
import dev.escalation.workers.sla.AppliedSlaPolicyRepository;
import dev.escalation.workers.sla.NextReplyClocks;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class TicketQueries {
  private final TicketRepository tickets;
  private final RosterRepository roster;
  private final AuditTrail audit;
  private final TicketMessageRepository messages;
  private final ResolutionAttemptRepository attempts;
  private final HandoffNoteRepository notes;
  private final EscalationRepository escalations;
  private final OperateProperties operate;
  private final TicketProperties properties;
  private final Clock clock;
  private final DevTasks devTasks;
  private final CriteriaQueries criteria;
  private final AppliedSlaPolicyRepository slaPolicies;
  private final ConversationTranslations translations;
  private final NextReplyClocks nextReplies;

  TicketQueries(CriteriaQueries criteria, TicketRepository tickets, RosterRepository roster, AuditTrail audit, TicketMessageRepository messages,
      ResolutionAttemptRepository attempts, HandoffNoteRepository notes, EscalationRepository escalations, OperateProperties operate,
      TicketProperties properties, Clock clock, DevTasks devTasks, AppliedSlaPolicyRepository slaPolicies,
      ConversationTranslations translations, NextReplyClocks nextReplies) {
    this.translations = translations;
    this.nextReplies = nextReplies;
    this.devTasks = devTasks;
    this.tickets = tickets;
    this.roster = roster;
    this.audit = audit;
    this.messages = messages;
    this.attempts = attempts;
    this.notes = notes;
    this.escalations = escalations;
    this.operate = operate;
    this.properties = properties;
    this.clock = clock;
    this.criteria = criteria;
    this.slaPolicies = slaPolicies;
  }

  TicketView ticket(long id) {
    Ticket ticket = tickets.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
    return view(ticket, devTasks.ofTicket(id).orElse(null));
  }

  List<TicketView> recent() {
    List<Ticket> recent = tickets.findTop200ByOrderByIdDesc();
    var devTaskByTicket = devTasks.ofTickets(recent.stream().map(Ticket::id).toList());
    return recent.stream().map(t -> view(t, devTaskByTicket.get(t.id()))).toList();
  }

  private TicketView view(Ticket ticket, dev.escalation.workers.devtask.DevTask devTask) {
    var owner = ticket.ownerUsername() == null ? null : roster.findById(ticket.ownerUsername()).orElse(null);
    return TicketView.of(ticket, owner, ticket.isHighPriorityOpenLongerThan(properties.flagHighPriorityAfter(), clock.instant()),
        operate.linkTo(ticket.processInstanceKey()), devTask, criteria.latest(ticket.id()).map(TicketView.CriteriaView::of).orElse(null),
        slaPolicies.findFirstByTicketIdOrderByIdDesc(ticket.id()).map(TicketView.SlaPolicyView::of).orElse(null),
        nextReplies.of(ticket.id()).orElse(null));
  }

  record TimelineEntry(Instant at, String type, String actor, String detail) {}

  List<TimelineEntry> timeline(long id) {
    exists(id);
    return audit.timeline(id).stream().map(TicketQueries::entry).toList();
  }

  List<MessageView> conversation(long id) {
    exists(id);
    var translated = translations.of(id);
    return messages.findByTicketIdOrderByCreatedAtAscIdAsc(id).stream().map(m -> MessageView.of(m, translated)).toList();
  }

  List<AttemptView> attempts(long id) {
    exists(id);
    return attempts.findByTicketIdOrderByCreatedAtAscIdAsc(id).stream().map(AttemptView::of).toList();
  }

  List<HandoffNoteView> handoffNotes(long id) {
    exists(id);
    return notes.findByTicketIdOrderByCreatedAtAscIdAsc(id).stream().map(HandoffNoteView::of).toList();
  }

  List<EscalationView> escalations(long id) {
    exists(id);
    return escalations.findByTicketIdOrderByEscalatedAtAscIdAsc(id).stream().map(EscalationView::of).toList();
  }

  private void exists(long id) {
    if (!tickets.existsById(id)) {
      throw new TicketNotFoundException(id);
    }
  }

  private static TimelineEntry entry(AuditEvent e) {
    return new TimelineEntry(e.at(), e.type().name(), e.actor(), e.detail());
  }
}
