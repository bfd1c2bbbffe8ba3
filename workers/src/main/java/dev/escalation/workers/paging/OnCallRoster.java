package dev.escalation.workers.paging;

import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** N2: the on-call roster with time windows, and the order in which managers are paged at a moment. */
@Service
public class OnCallRoster {
  private final JdbcClient jdbc;
  private final RosterRepository roster;
  private final Clock clock;

  OnCallRoster(JdbcClient jdbc, RosterRepository roster, Clock clock) {
    this.jdbc = jdbc;
    this.roster = roster;
    this.clock = clock;
  }

  public List<OnCallShift> shifts() {
    return jdbc.sql("SELECT id, username, starts_at, ends_at, escalation_order FROM on_call_shift ORDER BY starts_at, escalation_order, id")
        .query((rs, n) -> new OnCallShift(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
        .list();
  }

  @Transactional
  public OnCallShift add(OnCallShift shift) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO on_call_shift (username, starts_at, ends_at, escalation_order, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(shift.username(), Timestamp.from(shift.startsAt()), Timestamp.from(shift.endsAt()), shift.escalationOrder(),
            Timestamp.from(clock.instant()))
        .update(keys, "id");
    return new OnCallShift(keys.getKey().longValue(), shift.username(), shift.startsAt(), shift.endsAt(), shift.escalationOrder());
  }

  /**
   * Managers to page at {@code at}, in order: those whose shift covers the moment (by escalation
   * order), then, if no shift covers it, the roster's available managers with the on-duty one first.
   */
  public List<RosterMember> pagingOrder(Instant at) {
    List<String> onCall = jdbc.sql("SELECT username FROM on_call_shift WHERE starts_at <= ? AND ends_at > ? ORDER BY escalation_order, starts_at, id")
        .params(Timestamp.from(at), Timestamp.from(at)).query(String.class).list();
    Set<String> seen = new LinkedHashSet<>(onCall);
    List<RosterMember> order = new ArrayList<>();
    for (String username : seen) {
      roster.findById(username).ifPresent(order::add);
    }
    if (order.isEmpty()) {
      order.addAll(roster.byRoleOnDutyFirst(Role.MANAGER.name()));
    }
    return order;
  }
}
