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
  private static final String UPSERT = """
      INSERT INTO sla_target (ticket_id, epoch, clock, priority, tier, skill_group, channel, owner_username, started_at, due_at,
                              state, ended_at)
      VALUES (:ticket, :epoch, :clock, :priority, :tier, :group, :channel, :owner, :now, :due, :state, :ended)
      ON DUPLICATE KEY UPDATE
        ended_at = IF(state IN ('RUNNING', 'PAUSED') AND VALUES(state) NOT IN ('RUNNING', 'PAUSED'), VALUES(started_at), ended_at),
        priority = IF(state IN ('RUNNING', 'PAUSED'), VALUES(priority), priority),
        skill_group = IF(state IN ('RUNNING', 'PAUSED'), VALUES(skill_group), skill_group),
        owner_username = IF(state IN ('RUNNING', 'PAUSED'), VALUES(owner_username), owner_username),
        due_at = IF(state IN ('RUNNING', 'PAUSED'), VALUES(due_at), due_at),
        state = IF(state IN ('RUNNING', 'PAUSED'), VALUES(state), state)
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
    jdbc.sql(UPSERT)
        .param("ticket", ticket.id())
        .param("epoch", ticket.clockEpoch())
        .param("clock", clockName)
        .param("priority", ticket.priority().name())
        .param("tier", ticket.tier())
        .param("group", group)
        .param("channel", ticket.channel())
        .param("owner", ticket.ownerUsername())
        .param("now", now)
        .param("due", dueAt == null ? null : Timestamp.from(dueAt))
        .param("state", state.name())
        .param("ended", settled ? now : null)
        .update();
  }
}
