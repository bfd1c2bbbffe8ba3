package dev.escalation.workers.refund;

import dev.escalation.workers.notice.CustomerNoticeValues;
import dev.escalation.workers.notice.NoticeTemplate;
import dev.escalation.workers.notice.NoticeTemplates;
import dev.escalation.workers.notice.RenderedNotice;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.ticket.Ticket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the customer (C2: from a template in their language), the requesting agent and the approvers are told about a refund (A1, A2). */
@Component
class RefundNotices {
  private final Outbox outbox;
  private final RosterRepository roster;
  private final NoticeTemplates templates;

  RefundNotices(Outbox outbox, RosterRepository roster, NoticeTemplates templates) {
    this.outbox = outbox;
    this.roster = roster;
    this.templates = templates;
  }

  void outcome(Ticket ticket, RefundRequest refund) {
    boolean issued = refund.status() == RefundStatus.ISSUED;
    NoticeTemplate template = issued ? NoticeTemplate.REFUND_ISSUED
        : refund.decisionComment() == null ? NoticeTemplate.REFUND_DECLINED : NoticeTemplate.REFUND_DECLINED_WITH_REASON;
    Map<String, String> values = new HashMap<>(Map.of("amount", refund.money()));
    if (template == NoticeTemplate.REFUND_DECLINED_WITH_REASON) {
      values.put("reason", refund.decisionComment());
    }
    RenderedNotice notice = templates.render(template, ticket.customer().language(), CustomerNoticeValues.of(ticket, values));
    outbox.enqueue(new Outbox.Message("REFUND_OUTCOME:" + refund.id(), ticket.id(), NotificationKind.REFUND_OUTCOME,
        ticket.customer().email(), ticket.customer().name(), Channel.of(ticket.channel()), notice.subject(), notice.body()));
    roster.findById(refund.requestedBy()).ifPresent(agent ->
        outbox.enqueue(new Outbox.Message("REFUND_OUTCOME_TO_AGENT:" + refund.id(), ticket.id(), NotificationKind.REFUND_OUTCOME_TO_AGENT,
            agent.email(), agent.displayName(), Channel.EMAIL,
            "Refund " + (issued ? "issued" : "rejected") + ": " + refund.money() + " on #" + ticket.id(),
            agent.displayName() + ",\n\nyour refund request " + refund.id() + " of " + refund.money() + " on ticket #" + ticket.id()
                + " was " + (issued ? "issued (provider reference " + refund.providerRefundId() + ")" : "rejected")
                + (refund.decidedBy() == null ? " within your own authority." : " by " + refund.decidedBy() + ": " + refund.decisionComment())
                + "\nThe customer has been told.")));
  }

  void followUp(Ticket ticket, RefundRequest refund, Iterable<RosterMember> approvers) {
    for (RosterMember approver : approvers) {
      outbox.enqueue(new Outbox.Message("APPROVAL_FOLLOW_UP:" + refund.id() + ":" + approver.username(), ticket.id(),
          NotificationKind.APPROVAL_FOLLOW_UP, approver.email(), approver.displayName(), Channel.EMAIL,
          "Waiting for your approval: refund of " + refund.money() + " on #" + ticket.id(),
          approver.displayName() + ",\n\n" + refund.requestedBy() + " asked for a refund of " + refund.money() + " on ticket #"
              + ticket.id() + " (" + ticket.subject() + ") and nobody has decided yet. Reason: " + refund.reason()
              + "\n\nApprove or reject it in your inbox (GET /api/tasks) or in Tasklist. Without an answer it moves to the head of support."));
    }
  }
}
