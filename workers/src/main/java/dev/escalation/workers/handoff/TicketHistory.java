package dev.escalation.workers.handoff;

import dev.escalation.workers.ticket.ResolutionAttemptRepository;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.Times;
import org.springframework.stereotype.Component;

/** H5: the whole history a new owner needs: the request, the conversation, what was tried, the notes. */
@Component
public class TicketHistory {
  private final TicketMessageRepository messages;
  private final ResolutionAttemptRepository attempts;
  private final HandoffNoteRepository notes;
  private final Times times;

  TicketHistory(TicketMessageRepository messages, ResolutionAttemptRepository attempts, HandoffNoteRepository notes, Times times) {
    this.messages = messages;
    this.attempts = attempts;
    this.notes = notes;
    this.times = times;
  }

  public String of(Ticket ticket) {
    StringBuilder text = new StringBuilder();
    text.append("Ticket #").append(ticket.id()).append(" [").append(ticket.priority()).append(", ")
        .append(ticket.category()).append(", tier ").append(ticket.tier()).append("]: ").append(ticket.subject()).append('\n')
        .append("Customer: ").append(ticket.customer().name()).append(" <").append(ticket.customer().email()).append(">")
        .append(ticket.customer().vip() ? " (VIP)" : "").append(", via ").append(ticket.channel()).append('\n')
        .append("Opened: ").append(times.format(ticket.openedAt())).append("\n\n")
        .append("Request:\n").append(ticket.description()).append('\n');
    var conversation = messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
    if (!conversation.isEmpty()) {
      text.append("\nConversation:\n");
      conversation.forEach(m -> text.append("- ").append(times.format(m.createdAt())).append(' ')
          .append(m.author()).append(": ").append(m.body()).append('\n'));
    }
    var tried = attempts.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
    text.append("\nResolution attempts: ").append(tried.isEmpty() ? "none recorded" : "").append('\n');
    tried.forEach(a -> text.append("- ").append(times.format(a.createdAt())).append(" tier ").append(a.tier()).append(' ')
        .append(a.author()).append(": ").append(a.note()).append('\n'));
    var handoffs = notes.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id());
    if (!handoffs.isEmpty()) {
      text.append("\nHandoff notes:\n");
      handoffs.forEach(n -> text.append("- ").append(times.format(n.createdAt())).append(' ')
          .append(n.automatic() ? "automatic" : n.author()).append(" (").append(n.escalationType() == null ? "hand-over" : n.escalationType().name().toLowerCase()).append(")\n")
          .append("  Summary: ").append(n.summary()).append('\n')
          .append("  Tried: ").append(n.attempted()).append('\n')
          .append("  Needed: ").append(n.need()).append('\n')
          .append(n.overrideReason() == null ? "" : "  Rule override: " + n.overrideReason() + '\n'));
    }
    return text.toString();
  }
}
