package dev.escalation.workers.ticket;

import dev.escalation.processes.TicketEscalation.Actions;

/**
 * The values of {@link Ticket#actionInFlight()}: an owner action ({@link Actions#ESCALATE},
 * {@link Actions#RESOLVE}, {@link Actions#WAIT}), a reopening, or the customer reply that resumes
 * the clocks. Each is set by the app's command and cleared by the job that carries it out.
 */
public final class InFlight {
  public static final String REOPEN = "REOPEN";
  public static final String CUSTOMER_REPLY = "CUSTOMER_REPLY";

  private InFlight() {}

  /** What is in flight and what has not happened yet, for the person who was refused. */
  public static String describe(Ticket ticket) {
    String by = " by " + ticket.actionInFlightBy();
    return switch (ticket.actionInFlight()) {
      case Actions.ESCALATE -> "the escalation" + by + " has not reached the next tier's owner yet";
      case Actions.RESOLVE -> "the resolution" + by + " has not been confirmed to the customer yet";
      case Actions.WAIT -> "the question to the customer" + by + " has not paused the SLA clocks yet";
      case Actions.HAND_OVER -> "the hand-over" + by + " has not reached the new owner yet";
      case REOPEN -> "the reopening" + by + " has not restarted the SLA clocks yet";
      case CUSTOMER_REPLY -> "the customer reply recorded" + by + " has not resumed the SLA clocks yet";
      default -> "action " + ticket.actionInFlight() + by + " is not carried out yet";
    };
  }
}
