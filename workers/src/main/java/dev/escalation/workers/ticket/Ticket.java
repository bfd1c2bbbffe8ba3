package dev.escalation.workers.ticket;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The ticket aggregate. Its state changes only through the methods below, each of which keeps
 * the invariants (one owner while open, clocks consistent with the status). Optimistic locking
 * ({@code version}) makes concurrent changes fail instead of overwriting each other.
 */
@Table("ticket")
public class Ticket {
  @Id private Long id;
  @Version private Integer version;

  @Embedded.Nullable(prefix = "customer_")
  private Customer customer;

  private String channel;
  private String subject;
  private String description;
  private Priority priority;
  private Category category;
  private TicketStatus status;
  private int tier;
  private int maxTier;
  private String ownerUsername;
  private String targetGroup;
  private ClockState responseClock;
  private Instant responseDueAt;
  private Long responseRemainingSeconds;
  private ClockState resolutionClock;
  private Instant resolutionDueAt;
  private Long resolutionRemainingSeconds;
  private int clockEpoch;
  private int escalationCount;
  private int reescalationCount;
  private Long processInstanceKey;
  private Instant openedAt;
  private Instant resolvedAt;
  private Instant closedAt;
  private Instant firstEscalatedAt;
  private Instant escalatedToTierAt;
  private int handoff;
  private String actionInFlight;
  private String actionInFlightBy;
  private Instant actionInFlightAt;
  private Instant responseWarningAt;
  private Instant resolutionWarningAt;

  @PersistenceCreator
  Ticket() {}

  public static Ticket open(
      Customer customer, String channel, String subject, String description, Priority priority, Category category,
      int maxTier, Instant now) {
    Ticket t = new Ticket();
    t.customer = customer;
    t.channel = channel;
    t.subject = subject;
    t.description = description;
    t.priority = priority;
    t.category = category;
    t.status = TicketStatus.OPEN;
    t.tier = 1;
    t.maxTier = maxTier;
    t.responseClock = ClockState.NOT_STARTED;
    t.resolutionClock = ClockState.NOT_STARTED;
    t.openedAt = now;
    return t;
  }

  public void linkProcessInstance(long key) {
    this.processInstanceKey = key;
  }

  public void assignTo(String username) {
    this.ownerUsername = username;
  }

  /** Both clocks start from the handoff to the current tier (or from opening / reopening). */
  public void startClocks(Instant responseDue, Instant resolutionDue) {
    clockEpoch++;
    responseClock = ClockState.RUNNING;
    responseDueAt = responseDue;
    responseRemainingSeconds = null;
    resolutionClock = ClockState.RUNNING;
    resolutionDueAt = resolutionDue;
    resolutionRemainingSeconds = null;
  }

  /**
   * T4, W1: when each clock's warning is due (null leaves a clock's warning as it was); the queue
   * counts a ticket as at risk once the warning of a running clock has passed.
   */
  public void warnAt(Instant responseWarning, Instant resolutionWarning) {
    if (responseWarning != null) {
      responseWarningAt = responseWarning;
    }
    if (resolutionWarning != null) {
      resolutionWarningAt = resolutionWarning;
    }
  }

  /**
   * S4: the running clocks get new due dates after a priority change (null: that clock is not running);
   * a new epoch, so the warnings of the new policy are sent even where the old one had warned.
   */
  public void recomputeClocks(Instant responseDue, Instant resolutionDue) {
    clockEpoch++;
    if (responseClock == ClockState.RUNNING && responseDue != null) {
      responseDueAt = responseDue;
    }
    if (resolutionClock == ClockState.RUNNING && resolutionDue != null) {
      resolutionDueAt = resolutionDue;
    }
  }

  /** S4: the priority an owner or a supervisor set, with a reason the timeline records. */
  public void changePriority(Priority newPriority) {
    priority = newPriority;
  }

  /** The owner acted after assignment: the response clock is met. */
  public void ownerResponded() {
    if (responseClock == ClockState.RUNNING) {
      responseClock = ClockState.MET;
    }
  }

  public void breached(boolean responseClockBreached) {
    if (responseClockBreached) {
      responseClock = ClockState.BREACHED;
    } else {
      resolutionClock = ClockState.BREACHED;
    }
  }

  public void pause(Duration responseLeft, Duration resolutionLeft) {
    status = TicketStatus.WAITING_ON_CUSTOMER;
    if (responseClock == ClockState.RUNNING) {
      responseClock = ClockState.PAUSED;
      responseRemainingSeconds = responseLeft.toSeconds();
    }
    if (resolutionClock == ClockState.RUNNING) {
      resolutionClock = ClockState.PAUSED;
      resolutionRemainingSeconds = resolutionLeft.toSeconds();
    }
  }

  public void resume(Instant responseDue, Instant resolutionDue) {
    status = TicketStatus.OPEN;
    if (responseClock == ClockState.PAUSED) {
      responseClock = ClockState.RUNNING;
      responseDueAt = responseDue;
      responseRemainingSeconds = null;
    }
    if (resolutionClock == ClockState.PAUSED) {
      resolutionClock = ClockState.RUNNING;
      resolutionDueAt = resolutionDue;
      resolutionRemainingSeconds = null;
    }
  }

  /**
   * T5: the matched escalation criteria set the effective priority (never lower than the current one),
   * the tier 2 group, the highest tier (never below the current tier) and, when the ticket opens, its tier.
   */
  public void applyCriteria(Priority effectivePriority, int tier, int maxTier, String targetGroup) {
    if (effectivePriority.ordinal() < priority.ordinal()) {
      priority = effectivePriority;
    }
    this.maxTier = Math.max(maxTier, this.tier);
    this.tier = Math.max(1, Math.min(tier, this.maxTier));
    this.targetGroup = targetGroup;
  }

  /** The handoff at {@code at} moves the ticket up to {@code newTier}. */
  public void escalateTo(int newTier, Instant at) {
    handoff++;
    tier = newTier;
    escalationCount++;
    escalatedToTierAt = at;
    if (firstEscalatedAt == null) {
      firstEscalatedAt = at;
    }
  }

  /**
   * W2/W3: {@code username} owns the ticket at its tier from now on. A new handoff, so an owner
   * action made before it (by the previous owner) cannot act on the ticket any more.
   */
  public void handOverTo(String username) {
    handoff++;
    ownerUsername = username;
  }

  /** The owner asked the customer something; the pause worker then stops the clocks. */
  public void awaitCustomer() {
    status = TicketStatus.WAITING_ON_CUSTOMER;
  }

  /** Idempotent: the API marks the ticket resolved at once, the process confirms it later. */
  public void resolve(Instant now) {
    if (status != TicketStatus.RESOLVED) {
      resolvedAt = now;
    }
    status = TicketStatus.RESOLVED;
    if (responseClock == ClockState.RUNNING) {
      responseClock = ClockState.MET;
    }
    if (resolutionClock == ClockState.RUNNING) {
      resolutionClock = ClockState.MET;
    }
  }

  /** Idempotent: the API reopens at once, the process confirms it later; counted once (R1). */
  public void reopen() {
    if (status == TicketStatus.RESOLVED) {
      status = TicketStatus.OPEN;
      resolvedAt = null;
      reescalationCount++;
    }
  }

  /**
   * The reopened ticket starts new tier work with the owner that resolved it: a new handoff, so an
   * owner action made before the resolution cannot act on it. Counted once per reopening (the
   * reopen-ticket job runs at most once).
   */
  public void handBackAfterReopen() {
    handoff++;
  }

  /**
   * Records an action the app accepted and the process has yet to carry out. The caller checks
   * {@link #actionInFlight()} first: there is at most one at a time.
   */
  public void beginAction(String action, String by, Instant at) {
    actionInFlight = action;
    actionInFlightBy = by;
    actionInFlightAt = at;
  }

  /** The process carried out (or ignored) the action in flight. */
  public void actionSettled() {
    actionInFlight = null;
    actionInFlightBy = null;
    actionInFlightAt = null;
  }

  /** The process carried out {@code action}: it is no longer in flight (another kind stays). */
  public void settle(String action) {
    if (action.equals(actionInFlight)) {
      actionSettled();
    }
  }

  /** Whether {@code action} by {@code by} is the action in flight. */
  public boolean isInFlight(String action, String by) {
    return action != null && action.equals(actionInFlight) && java.util.Objects.equals(by, actionInFlightBy);
  }

  /**
   * Undoes what the app wrote at once for an action the process ignored because the ticket had
   * left the handoff it was made at: a resolution or a question to the customer no longer holds.
   */
  public void undoIgnored(String action) {
    if (("RESOLVE".equals(action) && status == TicketStatus.RESOLVED)
        || ("WAIT".equals(action) && status == TicketStatus.WAITING_ON_CUSTOMER && !isPaused())) {
      status = TicketStatus.OPEN;
      resolvedAt = null;
    }
  }

  private boolean isPaused() {
    return responseClock == ClockState.PAUSED || resolutionClock == ClockState.PAUSED;
  }

  public void close(Instant now) {
    status = TicketStatus.CLOSED;
    closedAt = now;
  }

  /** T2: a high-priority ticket still unresolved after {@code limit} is flagged. */
  public boolean isHighPriorityOpenLongerThan(Duration limit, Instant now) {
    boolean highPriority = priority == Priority.P1 || priority == Priority.P2;
    boolean unresolved = status == TicketStatus.OPEN || status == TicketStatus.WAITING_ON_CUSTOMER;
    return highPriority && unresolved && openedAt.plus(limit).isBefore(now);
  }

  /** How many times the ticket left its tier work for a new owner or tier; owner actions are bound to it. */
  public int handoff() {
    return handoff;
  }

  /** The accepted action the process has not carried out yet, or null. */
  public String actionInFlight() {
    return actionInFlight;
  }

  public String actionInFlightBy() {
    return actionInFlightBy;
  }

  public Instant actionInFlightAt() {
    return actionInFlightAt;
  }

  public boolean isAtTopTier() {
    return tier >= maxTier;
  }

  public Long id() {
    return id;
  }

  public Integer version() {
    return version;
  }

  public Customer customer() {
    return customer;
  }

  public String channel() {
    return channel;
  }

  public String subject() {
    return subject;
  }

  public String description() {
    return description;
  }

  public Priority priority() {
    return priority;
  }

  public Category category() {
    return category;
  }

  public TicketStatus status() {
    return status;
  }

  public int tier() {
    return tier;
  }

  public int maxTier() {
    return maxTier;
  }

  public String ownerUsername() {
    return ownerUsername;
  }

  /** The tier 2 group the criteria chose; null for the category's group. */
  public String targetGroup() {
    return targetGroup;
  }

  public ClockState responseClock() {
    return responseClock;
  }

  public Instant responseDueAt() {
    return responseDueAt;
  }

  public Long responseRemainingSeconds() {
    return responseRemainingSeconds;
  }

  public ClockState resolutionClock() {
    return resolutionClock;
  }

  public Instant resolutionDueAt() {
    return resolutionDueAt;
  }

  public Long resolutionRemainingSeconds() {
    return resolutionRemainingSeconds;
  }

  public int clockEpoch() {
    return clockEpoch;
  }

  public int escalationCount() {
    return escalationCount;
  }

  public int reescalationCount() {
    return reescalationCount;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** When the ticket was first escalated (M2 time to escalation ends there); null while never escalated. */
  public Instant firstEscalatedAt() {
    return firstEscalatedAt;
  }

  /**
   * When the escalation into the current tier happened (M4 resolution time by tier starts there);
   * null at tier 1 and when the criteria started the ticket above tier 1. Tiers only go up, and only
   * by escalation after opening, so this is also the ticket's latest escalation.
   */
  public Instant escalatedToTierAt() {
    return escalatedToTierAt;
  }
}
