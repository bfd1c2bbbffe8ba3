package dev.escalation.workers.triage;

import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.sla.CustomerPlans;
import dev.escalation.workers.ticket.CustomerDetails;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketProperties;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triages a ticket's text when it opens and every later customer message, stores each result, and
 * returns the inputs of the escalation criteria. Risk signals accumulate over the ticket (a ticket that
 * once mentioned the GDPR keeps its legal risk); the sentiment is that of the latest text.
 */
@Service
public class Triages {
  private final Tickets tickets;
  private final TicketMessageRepository messages;
  private final TriageResultRepository results;
  private final TextClassifier classifier;
  private final AuditTrail audit;
  private final ZoneId zone;
  private final Clock clock;
  private final CustomerPlans plans;
  private final CustomerDetails customerDetails;

  Triages(Tickets tickets, TicketMessageRepository messages, TriageResultRepository results, TextClassifier classifier,
      AuditTrail audit, TicketProperties ticketProperties, Clock clock, CustomerPlans plans, CustomerDetails customerDetails) {
    this.customerDetails = customerDetails;
    this.tickets = tickets;
    this.messages = messages;
    this.results = results;
    this.classifier = classifier;
    this.audit = audit;
    this.zone = ZoneId.of(ticketProperties.zone());
    this.clock = clock;
    this.plans = plans;
  }

  @Transactional
  public Map<String, Object> triage(long ticketId, Long messageId) {
    Ticket ticket = tickets.get(ticketId);
    String text;
    String prose;
    if (messageId == null) {
      text = ticket.subject() + "\n" + ticket.description();
      prose = ticket.description();
    } else {
      TicketMessage message = messages.findById(messageId)
          .filter(m -> m.ticketId() == ticketId && m.direction() == TicketMessage.Direction.FROM_CUSTOMER)
          .orElseThrow(() -> new FixableFailure("customer message " + messageId + " of ticket " + ticketId + " not found",
              "check that the app and the workers use the same database; the job retries by itself"));
      text = message.body();
      prose = text;
    }
    var c = classifier.classify(text, prose, ticket.customer().language());
    if (c.languageSource() == TextClassifier.LanguageSource.DETECTED && c.language() != null) {
      customerDetails.learnLanguage(ticketId, c.language()); // only where the channel did not tell it (N1)
    }
    results.save(new TriageResult(null, ticketId, messageId, c.language(), c.languageSource(), c.sentimentScore(),
        c.sentimentNote(), c.churnRisk(), c.legalRisk(), c.bugSignal(), String.join("; ", c.evidence()), clock.instant()));
    audit.record(ticketId, AuditEventType.TRIAGED, AuditTrail.SYSTEM, (messageId == null ? "Ticket text" : "Customer message #" + messageId)
        + ": language " + (c.language() == null ? "unknown" : c.language()) + " (" + c.languageSource().name().toLowerCase().replace('_', ' ')
        + "), sentiment " + (c.sentimentScore() == null ? c.sentimentNote() : c.sentimentScore() + " (" + c.sentimentNote() + ")")
        + ", legal risk " + yes(c.legalRisk()) + ", churn risk " + yes(c.churnRisk()) + ", product bug " + yes(c.bugSignal())
        + (c.evidence().isEmpty() ? "" : ". Matched: " + String.join("; ", c.evidence())));

    List<TriageResult> all = results.findByTicketIdOrderByIdAsc(ticketId);
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.LANGUAGE, c.language());
    vars.put(Variables.SENTIMENT_SCORE, c.sentimentScore());
    vars.put(Variables.LEGAL_RISK, all.stream().anyMatch(TriageResult::legalRisk));
    vars.put(Variables.CHURN_RISK, all.stream().anyMatch(TriageResult::churnRisk));
    vars.put(Variables.BUG_SIGNAL, all.stream().anyMatch(TriageResult::bugSignal));
    vars.put(Variables.VIP, ticket.customer().vip());
    vars.put(Variables.ANNUAL_REVENUE, ticket.customer().annualRevenue());
    vars.put(Variables.CATEGORY, ticket.category().name());
    vars.put(Variables.CHANNEL, ticket.channel());
    vars.put(Variables.PLAN, plans.planOrDefault(ticket.customer().plan())); // S1: an input of the SLA policy
    DayOfWeek day = clock.instant().atZone(zone).getDayOfWeek();
    vars.put(Variables.WEEKEND, day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
    return vars;
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
