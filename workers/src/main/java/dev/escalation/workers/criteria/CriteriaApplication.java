package dev.escalation.workers.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.processes.TicketEscalation.Criteria;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.EscalationType;
import dev.escalation.workers.handoff.HandoffNote;
import dev.escalation.workers.handoff.Handoffs;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketStatus;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * T5: records which criteria rule matched and why, and applies its outputs to the ticket. When a
 * customer message makes the criteria ask for a higher tier than the ticket has, it writes the
 * automatic handoff note of an escalation (the caller then asks the process to escalate).
 */
@Service
public class CriteriaApplication {
  /** Key of the result that carries the handoff note of an escalation the criteria asked for. */
  static final String ESCALATION_NOTE = "criteriaHandoffNoteId";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Tickets tickets;
  private final CriteriaEvaluationRepository evaluations;
  private final Handoffs handoffs;
  private final AuditTrail audit;
  private final Clock clock;

  CriteriaApplication(Tickets tickets, CriteriaEvaluationRepository evaluations, Handoffs handoffs, AuditTrail audit, Clock clock) {
    this.tickets = tickets;
    this.evaluations = evaluations;
    this.handoffs = handoffs;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Map<String, Object> apply(ApplyCriteriaJob job) {
    Map<String, Object> out = job.criteria();
    if (out == null || out.get(Criteria.RULE_ID) == null) {
      throw new FixableFailure("apply-criteria for ticket " + job.ticketId() + " found no criteria result (variable 'criteria')",
          "check that the business rule task before it evaluates '" + Criteria.DECISION_ID + "' with result variable 'criteria'");
    }
    Ticket ticket = tickets.get(job.ticketId());
    String ruleId = (String) out.get(Criteria.RULE_ID);
    String reason = String.valueOf(out.get(Criteria.REASON));
    Priority given = ticket.priority();
    Priority proposed = priority(out.get(Criteria.EFFECTIVE_PRIORITY), job.ticketId());
    int startingTier = number(out.get(Criteria.STARTING_TIER), 1);
    int maxTier = number(out.get(Criteria.MAX_TIER), ticket.maxTier());
    if (maxTier < 2 || maxTier > 3) {
      throw new FixableFailure("rule " + ruleId + " of " + Criteria.DECISION_ID + " gives maxTier " + maxTier + " for ticket "
          + job.ticketId(), "make the row's maximum tier 2 or 3 and redeploy the table; then retry the job in Operate");
    }
    String group = (String) out.get(Criteria.TARGET_GROUP);
    int tierBefore = ticket.tier();
    ticket.applyCriteria(proposed, job.isReevaluation() ? tierBefore : startingTier, maxTier, group);
    tickets.save(ticket);

    Map<String, Object> inputs = inputs(job);
    evaluations.save(new CriteriaEvaluation(null, ticket.id(), job.messageId(), ruleId, reason, json(inputs), json(out), clock.instant()));
    audit.record(ticket.id(), AuditEventType.CRITERIA_MATCHED, AuditTrail.SYSTEM,
        "Rule " + ruleId + (job.isReevaluation() ? " (customer message #" + job.messageId() + ")" : "") + ": " + reason
            + ". Priority " + given + (ticket.priority() != given ? " raised to " + ticket.priority() : "")
            + (proposed.ordinal() > given.ordinal() ? " (the rule's " + proposed + " would lower it: kept)" : "")
            + ", tier " + ticket.tier() + " of " + ticket.maxTier() + (group == null ? "" : ", group " + group)
            + ", page manager " + yes(out.get(Criteria.PAGE_MANAGER)) + ", dev task " + yes(out.get(Criteria.CREATE_DEV_TASK))
            + ". Inputs: " + inputs);

    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.PRIORITY, ticket.priority().name());
    if (!job.isReevaluation()) {
      vars.put(Variables.TIER, ticket.tier());
    }
    boolean wantsHigherTier = startingTier > ticket.tier() && !ticket.isAtTopTier();
    boolean workable = ticket.status() == TicketStatus.OPEN || ticket.status() == TicketStatus.WAITING_ON_CUSTOMER;
    if (job.isReevaluation() && wantsHigherTier && workable && job.messageId() != null) {
      EscalationType type = EscalationType.valueOf(String.valueOf(out.get(Criteria.ESCALATION_TYPE)));
      HandoffNote note = handoffs.criteriaNote(ticket, type, ruleId, reason, job.messageId());
      vars.put(ESCALATION_NOTE, note.id());
      vars.put(Variables.ESCALATION_TYPE, type.name());
      vars.put(Variables.ACTION_HANDOFF, ticket.handoff());
      vars.put(Variables.ACTION_TIER, ticket.tier());
    }
    return vars;
  }

  private static Map<String, Object> inputs(ApplyCriteriaJob job) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put(Variables.PRIORITY, job.priority());
    in.put(Variables.VIP, job.vip());
    in.put(Variables.ANNUAL_REVENUE, job.annualRevenue());
    in.put(Variables.SENTIMENT_SCORE, job.sentimentScore());
    in.put(Variables.CHURN_RISK, job.churnRisk());
    in.put(Variables.LEGAL_RISK, job.legalRisk());
    in.put(Variables.BUG_SIGNAL, job.bugSignal());
    in.put(Variables.CATEGORY, job.category());
    in.put(Variables.CHANNEL, job.channel());
    in.put(Variables.WEEKEND, job.weekend());
    in.put(Variables.LANGUAGE, job.language());
    return in;
  }

  private static Priority priority(Object value, long ticketId) {
    try {
      return Priority.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new FixableFailure("escalation criteria gave effective priority '" + value + "' for ticket " + ticketId,
          "make every row's effective priority one of P1..P4 and redeploy the table; then retry the job in Operate");
    }
  }

  private static int number(Object value, int fallback) {
    return value instanceof Number n ? n.intValue() : fallback;
  }

  private static String yes(Object value) {
    return Boolean.TRUE.equals(value) ? "yes" : "no";
  }

  private static String json(Map<String, Object> map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("criteria not serialisable: " + map, e);
    }
  }
}
