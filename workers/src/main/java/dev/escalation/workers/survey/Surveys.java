package dev.escalation.workers.survey;

import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.notice.CustomerNoticeValues;
import dev.escalation.workers.notice.NoticeTemplate;
import dev.escalation.workers.notice.NoticeTemplates;
import dev.escalation.workers.notice.RenderedNotice;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.roster.RoutingProperties;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * M5: asks the customer after a resolution, and records the one answer a survey link takes. A rating of
 * {@value #LOW_RATING} or less tells the manager of the tier that resolved the ticket.
 */
@Service
public class Surveys {
  /** Ratings at or below this tell the manager of the resolving tier. */
  public static final int LOW_RATING = 2;
  private static final Logger log = LoggerFactory.getLogger(Surveys.class);

  private final SurveyLedger ledger;
  private final SurveyLinks links;
  private final NoticeTemplates templates;
  private final SurveyProperties properties;
  private final Tickets tickets;
  private final RosterRepository roster;
  private final RoutingProperties routing;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Clock clock;
  private final EscalationMeters meters;

  Surveys(SurveyLedger ledger, SurveyLinks links, NoticeTemplates templates, SurveyProperties properties, Tickets tickets,
      RosterRepository roster, RoutingProperties routing, Outbox outbox, AuditTrail audit, Clock clock,
      EscalationMeters meters) {
    this.meters = meters;
    this.ledger = ledger;
    this.links = links;
    this.templates = templates;
    this.properties = properties;
    this.tickets = tickets;
    this.roster = roster;
    this.routing = routing;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  /** What became of a survey link. */
  public enum Status { OPEN, RECORDED, ALREADY_ANSWERED, EXPIRED, INVALID }

  /** {@code ticketId}, {@code expiresAt} and {@code rating} are null where the status does not tell them. */
  public record Outcome(Status status, Long ticketId, Instant expiresAt, Integer rating) {
    static Outcome invalid() {
      return new Outcome(Status.INVALID, null, null, null);
    }
  }

  /**
   * In the resolution's transaction: the survey of this resolution and its notice on the ticket's channel,
   * both once (the survey's unique key and the notice's idempotency key are the ticket and its resolution
   * number), whatever retries of the resolving job happen.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void askAfterResolution(Ticket ticket, String resolvedBy) {
    if (properties.askAfter() == SurveyProperties.AskAfter.ESCALATED && ticket.escalationCount() == 0) {
      return;
    }
    if (!properties.canSign()) {
      log.warn("No survey for ticket {}: escalation.surveys.signing-secret (SURVEY_SIGNING_SECRET) is not set", ticket.id());
      return;
    }
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.linkValidity()).truncatedTo(ChronoUnit.SECONDS);
    String group = ticket.targetGroup() != null ? ticket.targetGroup() : routing.groupFor(ticket.category());
    Optional<Long> created = ledger.insertOnce(new SurveyLedger.NewSurvey(ticket.id(), ticket.reescalationCount(), ticket.openedAt(),
        ticket.tier(), resolvedBy, group, ledger.lastEscalationType(ticket.id()), ticket.channel(), now, expiresAt));
    created.ifPresent(surveyId -> {
      String language = ticket.customer().language();
      RenderedNotice notice = templates.render(NoticeTemplate.SURVEY, language, CustomerNoticeValues.of(ticket, Map.of(
          "link", links.url(links.token(surveyId, expiresAt)),
          "expires", templates.date(language, expiresAt))));
      outbox.enqueue(new Outbox.Message("SURVEY:" + ticket.id() + ":" + ticket.reescalationCount(), ticket.id(), NotificationKind.SURVEY,
          ticket.customer().email(), ticket.customer().name(), Channel.of(ticket.channel()), notice.subject(), notice.body()));
    });
  }

  /** What the link stands for now, without changing anything (the survey page asks this first). */
  @Transactional(readOnly = true)
  public Outcome look(String token) {
    return links.verify(token).map(signed -> ledger.lock(signed.surveyId())
            .map(survey -> survey.answered()
                ? new Outcome(Status.ALREADY_ANSWERED, survey.ticketId(), signed.expiresAt(), survey.rating())
                : new Outcome(expired(signed) ? Status.EXPIRED : Status.OPEN, survey.ticketId(), signed.expiresAt(), null))
            .orElse(Outcome.invalid()))
        .orElse(Outcome.invalid());
  }

  /**
   * The customer's answer: recorded once; a second answer changes nothing. An expired, forged or unknown
   * link records nothing.
   */
  @Transactional
  public Outcome answer(String token, int rating, String comment) {
    Optional<SurveyLinks.Signed> signed = links.verify(token);
    Optional<Survey> found = signed.flatMap(s -> ledger.lock(s.surveyId()));
    if (found.isEmpty()) {
      return Outcome.invalid();
    }
    Survey survey = found.get();
    Instant expiresAt = signed.get().expiresAt();
    if (survey.answered()) {
      return new Outcome(Status.ALREADY_ANSWERED, survey.ticketId(), expiresAt, survey.rating());
    }
    if (expired(signed.get())) {
      return new Outcome(Status.EXPIRED, survey.ticketId(), expiresAt, null);
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    ledger.answer(survey.id(), rating, text, clock.instant());
    audit.record(survey.ticketId(), AuditEventType.SURVEY_ANSWERED, "customer",
        "Survey " + survey.id() + ": rated " + rating + " of 5" + (text == null ? "" : ": " + text));
    meters.surveyRated(rating, survey.resolvedTier());
    if (rating <= LOW_RATING) {
      tellManager(survey, rating, text);
    }
    return new Outcome(Status.RECORDED, survey.ticketId(), expiresAt, rating);
  }

  private boolean expired(SurveyLinks.Signed signed) {
    return !clock.instant().isBefore(signed.expiresAt());
  }

  /** The resolving tier's manager: the on-duty manager for tiers 1 and 2, the head of support for tier 3 (as in H1). */
  private void tellManager(Survey survey, int rating, String comment) {
    Role role = survey.resolvedTier() >= 3 ? Role.HEAD_OF_SUPPORT : Role.MANAGER;
    Optional<RosterMember> manager = roster.byRoleOnDutyFirst(role.name()).stream().findFirst();
    if (manager.isEmpty()) {
      log.warn("Survey {} rated {}: nobody with role {} is on the roster to tell", survey.id(), rating, role);
      return;
    }
    Ticket ticket = tickets.get(survey.ticketId());
    RosterMember m = manager.get();
    outbox.enqueue(new Outbox.Message("SURVEY_LOW_RATING:" + survey.id(), survey.ticketId(), NotificationKind.SURVEY_LOW_RATING,
        m.email(), m.displayName(), Channel.EMAIL,
        "[#" + ticket.id() + "] rated " + rating + " of 5 by the customer: " + ticket.subject(),
        m.displayName() + ",\n\nthe customer rated how ticket #" + ticket.id() + " was handled " + rating + " of 5"
            + (comment == null ? " (no comment)." : ":\n\n" + comment) + "\n\nIt was resolved at tier " + survey.resolvedTier()
            + (survey.resolvedBy() == null ? "" : " by " + survey.resolvedBy()) + ".\n\n" + "Ticket: #" + ticket.id() + " " + ticket.subject()));
  }
}
