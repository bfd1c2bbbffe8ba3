package dev.escalation.workers.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.roster.OwnerAssignment;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.sla.SlaClocks;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An owner action that reaches the process after the ticket left the handoff it was made at: the
 * timeline says who made it, where, and why it was not carried out; what the app wrote at once is
 * undone, and the action is no longer in flight.
 */
@LedgerTest
class StaleActionsTest {
  private static final String AGENT = "sa-agent";
  private static final String SPECIALIST = "sa-billing";
  private static final AtomicLong JOB_KEYS = new AtomicLong(7_700_000);

  @Autowired TicketRepository tickets;
  @Autowired RosterRepository roster;
  @Autowired HandoffNoteRepository notes;
  @Autowired Handoffs handoffs;
  @Autowired SlaClocks clocks;
  @Autowired OwnerAssignment assignment;
  @Autowired StaleActions staleActions;
  @Autowired AuditTrail audit;
  @Autowired TransactionTemplate transaction;
  @Autowired Clock clock;

  @BeforeEach
  void roster() {
    if (!roster.existsById(AGENT)) {
      roster.save(new RosterMember(AGENT, "Sam Agent", "sa-agent@x.test", Role.AGENT, 1, null, true, false, null, null));
      roster.save(new RosterMember(SPECIALIST, "Sam Billing", "sa-billing@x.test", Role.SPECIALIST, 2, "billing", true, false, null, null));
    }
  }

  @Test
  void aResolutionMadeBeforeABreachEscalationIsRecordedAndTheTicketIsOpenAgain() {
    long id = openWithOwner(AGENT);
    Ticket resolved = tickets.findById(id).orElseThrow();
    resolved.resolve(clock.instant()); // what TicketCommands.resolve writes at once
    resolved.beginAction(Actions.RESOLVE, AGENT, clock.instant());
    tickets.save(resolved);
    String owner = escalateBySystemAndAssign(id);

    staleActions.ignore(new StaleActionJob(id, Actions.RESOLVE, AGENT, 0, 1, null));

    Ticket ticket = tickets.findById(id).orElseThrow();
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.resolvedAt()).isNull();
    assertThat(ticket.actionInFlight()).isNull();
    AuditEvent ignored = last(id);
    assertThat(ignored.type()).isEqualTo(AuditEventType.OWNER_ACTION_IGNORED);
    assertThat(ignored.actor()).isEqualTo(AGENT);
    assertThat(ignored.detail()).isEqualTo("Resolution made at tier 1 (handoff 0) was not carried out: the ticket has since moved on"
        + " to tier 2 (handoff 1), owned by " + owner + ". Its status is back to OPEN. Act again if it is still needed.");
  }

  @Test
  void aSecondEscalationOfTheSameTierIsRecordedWithItsNoteAndChangesNothing() {
    long id = openWithOwner(AGENT);
    String owner = escalateBySystemAndAssign(id);
    Ticket before = tickets.findById(id).orElseThrow();

    staleActions.ignore(new StaleActionJob(id, Actions.ESCALATE, AGENT, 0, 1, 4711L));

    Ticket after = tickets.findById(id).orElseThrow();
    assertThat(after.tier()).isEqualTo(2);
    assertThat(after.handoff()).isEqualTo(1);
    assertThat(after.escalationCount()).isEqualTo(before.escalationCount());
    assertThat(after.ownerUsername()).isEqualTo(owner);
    assertThat(last(id).detail()).isEqualTo("Escalation (handoff note 4711) made at tier 1 (handoff 0) was not carried out: the ticket"
        + " has since moved on to tier 2 (handoff 1), owned by " + owner + ". Act again if it is still needed.");
  }

  @Test
  void aQuestionStillInFlightIsSettledAndTheTicketNoLongerWaits() {
    long id = openWithOwner(AGENT);
    escalateBySystemAndAssign(id);
    Ticket asked = tickets.findById(id).orElseThrow();
    asked.awaitCustomer();
    asked.beginAction(Actions.WAIT, AGENT, clock.instant());
    tickets.save(asked);

    staleActions.ignore(new StaleActionJob(id, Actions.WAIT, AGENT, 0, 1, null));

    Ticket ticket = tickets.findById(id).orElseThrow();
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.actionInFlight()).isNull();
    assertThat(last(id).detail()).startsWith("Question to the customer made at tier 1 (handoff 0) was not carried out");
  }

  @Test
  void aStaleResolutionLeavesTheNewOwnersOwnResolutionInFlightAndResolved() {
    long id = openWithOwner(AGENT);
    String owner = escalateBySystemAndAssign(id);
    Ticket resolvedByNewOwner = tickets.findById(id).orElseThrow();
    resolvedByNewOwner.resolve(clock.instant());
    resolvedByNewOwner.beginAction(Actions.RESOLVE, owner, clock.instant());
    tickets.save(resolvedByNewOwner);

    staleActions.ignore(new StaleActionJob(id, Actions.RESOLVE, AGENT, 0, 1, null));

    Ticket ticket = tickets.findById(id).orElseThrow();
    assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(ticket.actionInFlight()).isEqualTo(Actions.RESOLVE);
    assertThat(ticket.actionInFlightBy()).isEqualTo(owner);
    assertThat(last(id).detail()).isEqualTo("Resolution made at tier 1 (handoff 0) was not carried out: the ticket has since moved on"
        + " to tier 2 (handoff 1), owned by " + owner + ". Act again if it is still needed.");
  }

  private long openWithOwner(String owner) {
    Ticket ticket = Ticket.open(new Customer("Sam Customer", "sam@x.test", "en", false, null), "email", "Invoice", "Charged twice",
        Priority.P3, Category.BILLING, 3, clock.instant());
    ticket.assignTo(owner);
    return tickets.save(ticket).id();
  }

  /**
   * A breach escalation by the system: the ticket moves to the next handoff, in flight until the
   * new owner is assigned; then the new owner's clocks start. Returns the new owner.
   */
  private String escalateBySystemAndAssign(long id) {
    transaction.executeWithoutResult(s -> {
      HandoffNote note = notes.save(new HandoffNote(null, id, AuditTrail.SYSTEM, true, EscalationType.FUNCTIONAL,
          "Resolution SLA breached at tier 1", "Nothing", "A resolution", null, clock.instant()));
      handoffs.escalate(id, EscalationType.FUNCTIONAL, note.id());
    });
    assertThat(tickets.findById(id).orElseThrow().actionInFlight()).isEqualTo(Actions.ESCALATE);
    assignment.assign(id, JOB_KEYS.incrementAndGet());
    assertThat(tickets.findById(id).orElseThrow().actionInFlight()).isNull();
    clocks.start(id, null, 0, 0); // no policy table: the escalation.sla.targets of its priority
    return tickets.findById(id).orElseThrow().ownerUsername();
  }

  private AuditEvent last(long id) {
    List<AuditEvent> timeline = audit.timeline(id);
    return timeline.get(timeline.size() - 1);
  }
}
