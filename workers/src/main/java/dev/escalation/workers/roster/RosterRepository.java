package dev.escalation.workers.roster;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RosterRepository extends ListCrudRepository<RosterMember, String> {

  /**
   * Available members of a role (and skill group, when given), least loaded first, then the one
   * assigned longest ago (round-robin), then by name so the order is total.
   */
  @Query(
      """
      SELECT m.* FROM roster_member m
      WHERE m.role = :role AND m.available AND (:skillGroup IS NULL OR m.skill_group = :skillGroup)
      ORDER BY (SELECT COUNT(*) FROM ticket t
                WHERE t.owner_username = m.username AND t.status IN ('OPEN', 'WAITING_ON_CUSTOMER')),
               m.last_assigned_at IS NOT NULL, m.last_assigned_at, m.username
      """)
  List<RosterMember> candidates(String role, String skillGroup);

  /** Round-robin bookkeeping; concurrent assignments to one member wait for each other, none is refused. */
  @Modifying
  @Query("UPDATE roster_member SET last_assigned_at = :at WHERE username = :username")
  int markAssigned(String username, Instant at);

  @Query("SELECT * FROM roster_member WHERE role = :role AND available ORDER BY on_duty DESC, username")
  List<RosterMember> byRoleOnDutyFirst(String role);

  List<RosterMember> findAllByOrderByTierAscUsernameAsc();
}
