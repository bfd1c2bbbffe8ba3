package dev.escalation.workers.sla;

import dev.escalation.workers.roster.RoutingProperties;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Ticket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * M9: keeps {@code sla_target} (V14) in step with the ticket's SLA clocks. Every save of a ticket,
 * by whichever path (workers, the API's commands), passes here in the saving transaction, so the
 * ledger holds one row per clock and clock period with the state the clock itself decided: a target
 * is met or breached when, and only when, the ticket's clock says so. Paused time is therefore
 * excluded exactly as the clocks exclude it: the resume moves the due date by the time that was
 * left, and the breach timer waits for that date.
 *
 * <p>A row stops changing once it is met, breached or superseded (a new clock period began while it
 * was running or paused).
 */
@Component
class SlaTargets implements AfterSaveCallback<Ticket> {
  // Plain UPDATE by key, then INSERT when the row is not there yet (once per clock and period): no
  // INSERT ... ON DUPLICATE KEY UPDATE, whose locks on an existing key can deadlock concurrent savers.
  // MariaDB assigns left to right, so every IF below still sees the row's previous state.
  private static final String UPDATE = """
      UPDATE sla_target SET
        ended_at = IF(state IN ('RUNNING', 'PAUSED') AND :state NOT IN ('RUNNING', 'PAUSED'), :now, ended_at),
        priority = IF(state IN ('RUNNING', 'PAUSED'), :priority, priority),
        skill_group = IF(state IN ('RUNNING', 'PAUSED'), :group, skill_group),
        owner_username = IF(state IN ('RUNNING', 'PAUSED'), :owner, owner_username),
        due_at = IF(state IN ('RUNNING', 'PAUSED'), :due, due_at),
        state = IF(state IN ('RUNNING', 'PAUSED'), :state, state)
      WHERE ticket_id = :ticket AND epoch = :epoch AND clock = :clock
      """;

  private static final String INSERT = """
      INSERT INTO sla_target (ticket_id, epoch, clock, priority, tier, skill_group, channel, owner_username, started_at, due_at,
                              state, ended_at)
      VALUES (:ticket, :epoch, :clock, :priority, :tier, :group, :channel, :owner, :now, :due, :state, :ended)
      """;

  private static final String SUPERSEDE = """
      UPDATE sla_target SET state = 'SUPERSEDED', ended_at = :now
      WHERE ticket_id = :ticket AND epoch < :epoch AND state IN ('RUNNING', 'PAUSED')
      """;

  private final JdbcClient jdbc;
  private final RoutingProperties routing;
  private final Clock clock;

  SlaTargets(JdbcClient jdbc, RoutingProperties routing, Clock clock) {
    this.jdbc = jdbc;
    this.routing = routing;
    this.clock = clock;
  }

  @Override
  public Ticket onAfterSave(Ticket ticket) {
    if (ticket.clockEpoch() == 0) {
      return ticket;
    }
    Timestamp now = Timestamp.from(clock.instant());
    if (ticket.clockEpoch() > 1) {
      jdbc.sql(SUPERSEDE).param("now", now).param("ticket", ticket.id()).param("epoch", ticket.clockEpoch()).update();
    }
    record(ticket, "RESPONSE", ticket.responseClock(), ticket.responseDueAt(), now);
    record(ticket, "RESOLUTION", ticket.resolutionClock(), ticket.resolutionDueAt(), now);
    return ticket;
  }

  private void record(Ticket ticket, String clockName, ClockState state, Instant dueAt, Timestamp now) {
    if (state == ClockState.NOT_STARTED) {
      return;
    }
    boolean settled = state != ClockState.RUNNING && state != ClockState.PAUSED;
    String group = ticket.targetGroup() != null ? ticket.targetGroup() : routing.groupFor(ticket.category());
    Timestamp due = dueAt == null ? null : Timestamp.from(dueAt);
    int found = jdbc.sql(UPDATE)
        .param("ticket", ticket.id())
        .param("epoch", ticket.clockEpoch())
        .param("clock", clockName)
        .param("priority", ticket.priority().name())
        .param("group", group)
        .param("owner", ticket.ownerUsername())
        .param("now", now)
        .param("due", due)
        .param("state", state.name())
        .update();
    if (found == 0) {
      jdbc.sql(INSERT)
          .param("ticket", ticket.id())
          .param("epoch", ticket.clockEpoch())
          .param("clock", clockName)
          .param("priority", ticket.priority().name())
          .param("tier", ticket.tier())
          .param("group", group)
          .param("channel", ticket.channel())
          .param("owner", ticket.ownerUsername())
          .param("now", now)
          .param("due", due)
          .param("state", state.name())
          .param("ended", settled ? now : null)
          .update();
    }
  }
}
