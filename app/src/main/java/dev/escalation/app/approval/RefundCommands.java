package dev.escalation.app.approval;

import dev.escalation.app.approval.ApprovalProblems.Conflict;
import dev.escalation.app.approval.ApprovalProblems.NotFound;
import dev.escalation.app.process.ProcessGateway;
import dev.escalation.processes.RefundApproval.Messages;
import dev.escalation.processes.RefundApproval.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.TicketRowLock;
import dev.escalation.workers.refund.RefundRequest;
import dev.escalation.workers.refund.RefundRequests;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.ticket.TicketStatus;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A1: a refund request is written to the ledger and handed to the ticket's process in one
 * transaction; if the engine cannot be told, nothing is saved. The process decides by the
 * authority table whether it is issued at once or needs an approval.
 */
@Service
class RefundCommands {
  private final TicketRepository tickets;
  private final RefundRequests requests;
  private final AuditTrail audit;
  private final ProcessGateway process;
  private final Clock clock;
  private final TicketRowLock ticketLock;

  RefundCommands(TicketRepository tickets, RefundRequests requests, AuditTrail audit, ProcessGateway process, Clock clock,
      TicketRowLock ticketLock) {
    this.ticketLock = ticketLock;
    this.tickets = tickets;
    this.requests = requests;
    this.audit = audit;
    this.process = process;
    this.clock = clock;
  }

  @Transactional
  RefundRequest request(Caller caller, long ticketId, RefundController.RefundBody body) {
    ticketLock.holdUntilCommit(ticketId); // first: concurrent requests for one ticket see each other's rows
    Ticket ticket = ticket(ticketId);
    if (ticket.status() == TicketStatus.CLOSED) {
      throw new Conflict("ticket " + ticketId + " is closed; a refund needs an open or resolved ticket");
    }
    requests.ofTicket(ticketId).stream().filter(RefundRequest::isAwaitingDecision).findFirst().ifPresent(open -> {
      throw new ApprovalProblems.RefundInFlight("refund request " + open.id() + " of " + open.money() + " by " + open.requestedBy() + " on ticket " + ticketId
          + " is still awaiting its decision; request another refund once it is approved or rejected");
    });
    String currency = body.currency().toUpperCase(Locale.ROOT);
    int minorDigits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    if (body.amount().stripTrailingZeros().scale() > minorDigits) {
      throw new ApprovalProblems.InvalidField("amount", "must have at most " + minorDigits + " decimals in " + currency);
    }
    var amount = body.amount().setScale(2, RoundingMode.UNNECESSARY);
    long id = requests.insert(ticketId, amount, currency, body.reason().strip(), blankToNull(body.paymentIntent()),
        caller.username(), caller.role().name(), clock.instant());
    audit.record(ticketId, AuditEventType.REFUND_REQUESTED, caller.username(),
        "Refund request " + id + ": " + amount.toPlainString() + " " + currency + " asked by " + caller.username() + " ("
            + caller.role() + "). Reason: " + body.reason().strip());
    process.publish(Messages.REFUND_REQUESTED, ticketId, Map.of(
        Variables.REFUND_REQUEST_ID, id,
        Variables.AMOUNT, amount,
        Variables.CURRENCY, currency,
        Variables.REASON, body.reason().strip(),
        Variables.REQUESTER_ROLE, caller.role().name()));
    return requests.get(id);
  }

  List<RefundRequest> ofTicket(long ticketId) {
    ticket(ticketId);
    return requests.ofTicket(ticketId);
  }

  private Ticket ticket(long ticketId) {
    return tickets.findById(ticketId).orElseThrow(() -> new NotFound("ticket " + ticketId + " does not exist"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
