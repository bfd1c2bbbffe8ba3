package dev.escalation.workers.triage;

import dev.escalation.workers.triage.TextClassifier.LanguageSource;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The triage of one text: the ticket's own ({@code messageId} null) or a later customer message. */
@Table("triage_result")
public record TriageResult(
    @Id Long id,
    long ticketId,
    Long messageId,
    String language,
    LanguageSource languageSource,
    Double sentimentScore,
    String sentimentNote,
    boolean churnRisk,
    boolean legalRisk,
    boolean bugSignal,
    String evidence,
    Instant triagedAt) {}
