package dev.escalation.workers.roster;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who can own tickets, with the tier and skill group that routing looks at. */
@Table("roster_member")
public record RosterMember(
    @Id String username,
    String displayName,
    String email,
    Role role,
    int tier,
    String skillGroup,
    boolean available,
    boolean onDuty,
    Instant lastAssignedAt,
    @Version Integer version) {
}
