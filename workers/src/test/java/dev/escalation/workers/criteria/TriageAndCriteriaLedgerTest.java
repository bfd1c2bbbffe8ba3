package dev.escalation.workers.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.processes.TicketEscalation.Criteria;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketRepository;
import dev.escalation.workers.triage.TriageResultRepository;
import dev.escalation.workers.triage.Triages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The triage and apply-criteria workers' effects on a real MariaDB. */
@LedgerTest
@Import(TriageAndCriteriaLedgerTest.SaturdayClock.class)
class TriageAndCriteriaLedgerTest {
  private static final AtomicLong JOB_KEYS = new AtomicLong(7_000_000);

  @TestConfiguration(proxyBeanMethods = false)
  static class SaturdayClock {
    @Bean
    @Primary
    MutableClock saturdayClock() {
      return new MutableClock(Instant.parse("2026-11-28T10:00:00Z")); // Saturday in Berlin
    }
  }

  @Autowired Triages triages;
  @Autowired CriteriaApplication application;
  @Autowired CriteriaQueries queries;
  @Autowired CriteriaEvaluationRepository evaluations;
  @Autowired TriageResultRepository triageResults;
  @Autowired TicketRepository tickets;
  @Autowired TicketMessageRepository messages;
  @Autowired HandoffNoteRepository notes;
  @Autowired AuditTrail audit;
  @Autowired OnceOnly once;

  private Ticket open(String subject, String description, String language, boolean vip, Priority priority, Category category) {
    return tickets.save(Ticket.open(new Customer("Kim Kunde", "kim@x.test", language, vip, new BigDecimal("120000.00")),
        "email", subject, description, priority, category, 3, Instant.parse("2026-11-28T09:00:00Z")));
  }

  private static ApplyCriteriaJob job(long ticketId, Map<String, Object> criteria, boolean reevaluation, Long messageId) {
    return new ApplyCriteriaJob(ticketId, criteria, reevaluation, messageId, "P3", false, new BigDecimal("120000"), null,
        false, true, false, "BILLING", "email", true, "de");
  }

  private static Map<String, Object> criteria(String ruleId, String priority, String type, String group, int start, int max) {
    Map<String, Object> c = new HashMap<>();
    c.put(Criteria.RULE_ID, ruleId);
    c.put(Criteria.REASON, "because of " + ruleId);
    c.put(Criteria.EFFECTIVE_PRIORITY, priority);
    c.put(Criteria.ESCALATION_TYPE, type);
    c.put(Criteria.TARGET_GROUP, group);
    c.put(Criteria.STARTING_TIER, start);
    c.put(Criteria.MAX_TIER, max);
    c.put(Criteria.PAGE_MANAGER, false);
    c.put(Criteria.CREATE_DEV_TASK, false);
    return c;
  }

  @Test
  void triageOfAGermanTicketStoresItsResultAndReturnsTheCriteriaInputsWithoutFakingASentiment() {
    Ticket t = open("Datenschutz", "Sie haben meine Daten ohne meine Zustimmung weitergegeben, das ist ein Verstoß gegen die DSGVO.",
        "en", true, Priority.P3, Category.ACCOUNT);

    Map<String, Object> vars = triages.triage(t.id(), null);

    assertThat(vars).containsEntry(Variables.LANGUAGE, "de").containsEntry(Variables.LEGAL_RISK, true)
        .containsEntry(Variables.CHURN_RISK, false).containsEntry(Variables.BUG_SIGNAL, false)
        .containsEntry(Variables.VIP, true).containsEntry(Variables.CATEGORY, "ACCOUNT").containsEntry(Variables.CHANNEL, "email")
        .containsEntry(Variables.WEEKEND, true).containsEntry(Variables.SENTIMENT_SCORE, null);
    assertThat(vars.get(Variables.ANNUAL_REVENUE)).isEqualTo(new BigDecimal("120000.00"));
    var stored = triageResults.findByTicketIdOrderByIdAsc(t.id());
    assertThat(stored).singleElement().satisfies(r -> {
      assertThat(r.messageId()).isNull();
      assertThat(r.language()).isEqualTo("de");
      assertThat(r.sentimentScore()).isNull();
      assertThat(r.sentimentNote()).startsWith("not scored: no sentiment model for language 'de'");
      assertThat(r.evidence()).contains("legal: dsgvo");
    });
    assertThat(audit.timeline(t.id())).extracting(AuditEvent::type).containsExactly(AuditEventType.TRIAGED);
  }

  @Test
  void aLaterMessageIsScoredOnItsOwnWhileRiskSignalsStayWithTheTicket() {
    Ticket t = open("Refund", "Please delete all my data under the right to be forgotten.", "en", false, Priority.P3, Category.BILLING);
    triages.triage(t.id(), null);
    TicketMessage m = messages.save(new TicketMessage(null, t.id(), TicketMessage.Direction.FROM_CUSTOMER, "Kim",
        "This is the worst customer service I have ever experienced. Absolutely terrible.", Instant.parse("2026-11-28T09:30:00Z")));

    Map<String, Object> vars = triages.triage(t.id(), m.id());

    assertThat(vars).containsEntry(Variables.LANGUAGE, "en").containsEntry(Variables.LEGAL_RISK, true);
    assertThat((Double) vars.get(Variables.SENTIMENT_SCORE)).isLessThanOrEqualTo(-0.75);
    assertThat(triageResults.findByTicketIdOrderByIdAsc(t.id())).extracting(r -> r.messageId()).containsExactly(null, m.id());
  }

  @Test
  void theSubjectLineCountsForSignalsButOnlyTheDescriptionIsScoredForSentiment() {
    Ticket t = open("Checkout fails, error 500, terrible", "Hello, could you look at our checkout today?", "en", false,
        Priority.P3, Category.BILLING);

    Map<String, Object> vars = triages.triage(t.id(), null);

    assertThat(vars).containsEntry(Variables.BUG_SIGNAL, true);
    assertThat((Double) vars.get(Variables.SENTIMENT_SCORE)).isGreaterThan(-0.05);
  }

  @Test
  void aMessageOfAnotherTicketIsATechnicalFailureWithAnActionableMessage() {
    Ticket a = open("A", "a", "en", false, Priority.P3, Category.OTHER);
    Ticket b = open("B", "b", "en", false, Priority.P3, Category.OTHER);
    TicketMessage m = messages.save(new TicketMessage(null, a.id(), TicketMessage.Direction.FROM_CUSTOMER, "Kim", "hi", Instant.now()));
    assertThatThrownBy(() -> triages.triage(b.id(), m.id())).isInstanceOf(FixableFailure.class)
        .hasMessageContaining("customer message " + m.id() + " of ticket " + b.id() + " not found");
  }

  @Test
  void openingAppliesPriorityStartingTierGroupAndMaxTierAndRecordsTheRule() {
    Ticket t = open("GDPR", "gdpr", "en", false, Priority.P3, Category.BILLING);

    Map<String, Object> vars = application.apply(job(t.id(),
        criteria("legal-risk-to-security-privacy", "P2", "FUNCTIONAL", "security-privacy", 2, 3), false, null));

    assertThat(vars).containsEntry(Variables.PRIORITY, "P2").containsEntry(Variables.TIER, 2)
        .doesNotContainKey(CriteriaApplication.ESCALATION_NOTE);
    Ticket after = tickets.findById(t.id()).orElseThrow();
    assertThat(after.priority()).isEqualTo(Priority.P2);
    assertThat(after.tier()).isEqualTo(2);
    assertThat(after.maxTier()).isEqualTo(3);
    assertThat(after.targetGroup()).isEqualTo("security-privacy");
    var latest = queries.latest(t.id()).orElseThrow();
    assertThat(latest.ruleId()).isEqualTo("legal-risk-to-security-privacy");
    assertThat(latest.reason()).isEqualTo("because of legal-risk-to-security-privacy");
    assertThat(latest.inputs()).containsEntry("legalRisk", true).containsEntry("priority", "P3").containsEntry("weekend", true);
    assertThat(latest.outputs()).containsEntry(Criteria.STARTING_TIER, 2);
    assertThat(audit.timeline(t.id())).filteredOn(e -> e.type() == AuditEventType.CRITERIA_MATCHED).singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("Rule legal-risk-to-security-privacy: because of legal-risk-to-security-privacy.")
            .contains("Priority P3 raised to P2", "tier 2 of 3", "group security-privacy"));
  }

  @Test
  void aRuleThatWouldLowerThePriorityOrTheTierCeilingIsNotFollowed() {
    Ticket t = open("Down", "down", "en", false, Priority.P1, Category.TECHNICAL);

    application.apply(job(t.id(), criteria("low-priority-two-tiers", "P4", "FUNCTIONAL", null, 1, 2), false, null));

    Ticket after = tickets.findById(t.id()).orElseThrow();
    assertThat(after.priority()).isEqualTo(Priority.P1);
    assertThat(after.maxTier()).isEqualTo(2);
    assertThat(audit.timeline(t.id())).filteredOn(e -> e.type() == AuditEventType.CRITERIA_MATCHED).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("Priority P1 (the rule's P4 would lower it: kept)"));
  }

  @Test
  void aMessageThatAsksForAHigherTierWritesOneAutomaticHandoffNoteEvenWhenTheJobIsDeliveredTwice() {
    Ticket t = open("Slow", "slow", "en", false, Priority.P3, Category.BILLING);
    application.apply(job(t.id(), criteria("default", "P3", "FUNCTIONAL", null, 1, 3), false, null));
    TicketMessage m = messages.save(new TicketMessage(null, t.id(), TicketMessage.Direction.FROM_CUSTOMER, "Kim", "furious", Instant.now()));
    long jobKey = JOB_KEYS.incrementAndGet();
    var negative = job(t.id(), criteria("strongly-negative-sentiment", "P2", "FUNCTIONAL", null, 2, 3), true, m.id());

    Map<String, Object> first = once.run(jobKey, "apply-criteria", t.id(), () -> application.apply(negative));
    Map<String, Object> again = once.run(jobKey, "apply-criteria", t.id(), () -> application.apply(negative));

    assertThat(again.keySet()).isEqualTo(first.keySet());
    assertThat(((Number) again.get(CriteriaApplication.ESCALATION_NOTE)).longValue())
        .isEqualTo(((Number) first.get(CriteriaApplication.ESCALATION_NOTE)).longValue());
    assertThat(first).containsEntry(Variables.ESCALATION_TYPE, "FUNCTIONAL").containsKey(CriteriaApplication.ESCALATION_NOTE)
        .doesNotContainKey(Variables.TIER);
    long noteId = ((Number) first.get(CriteriaApplication.ESCALATION_NOTE)).longValue();
    assertThat(notes.findAll()).filteredOn(n -> n.ticketId() == t.id()).singleElement().satisfies(n -> {
      assertThat(n.id()).isEqualTo(noteId);
      assertThat(n.automatic()).isTrue();
      assertThat(n.summary()).startsWith("Criteria rule strongly-negative-sentiment matched on customer message #" + m.id()
          + ": because of strongly-negative-sentiment");
    });
    Ticket after = tickets.findById(t.id()).orElseThrow();
    assertThat(after.tier()).as("the escalate-ticket worker moves the tier, not this one").isEqualTo(1);
    assertThat(after.priority()).isEqualTo(Priority.P2);
    assertThat(evaluations.findByTicketIdOrderByIdAsc(t.id())).extracting(CriteriaEvaluation::ruleId)
        .containsExactly("default", "strongly-negative-sentiment");
  }

  @Test
  void aMessageThatAsksForNoHigherTierDoesNotEscalate() {
    Ticket t = open("Ok", "ok", "en", false, Priority.P3, Category.BILLING);
    application.apply(job(t.id(), criteria("churn-risk", "P2", "FUNCTIONAL", null, 2, 3), false, null));
    TicketMessage m = messages.save(new TicketMessage(null, t.id(), TicketMessage.Direction.FROM_CUSTOMER, "Kim", "thanks", Instant.now()));

    Map<String, Object> vars = application.apply(job(t.id(), criteria("churn-risk", "P2", "FUNCTIONAL", null, 2, 3), true, m.id()));

    assertThat(vars).doesNotContainKey(CriteriaApplication.ESCALATION_NOTE);
    assertThat(notes.findAll()).noneMatch(n -> n.ticketId() == t.id());
  }

  @Test
  void aTableRowWithAnImpossibleMaxTierIsAnIncidentThatSaysWhatToFix() {
    Ticket t = open("X", "x", "en", false, Priority.P3, Category.BILLING);
    assertThatThrownBy(() -> application.apply(job(t.id(), criteria("broken-row", "P3", "FUNCTIONAL", null, 1, 5), false, null)))
        .isInstanceOf(FixableFailure.class).hasMessageContaining("rule broken-row")
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo()).contains("maximum tier 2 or 3"));
  }
}
