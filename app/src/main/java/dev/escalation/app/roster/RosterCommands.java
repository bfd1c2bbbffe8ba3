package dev.escalation.app.roster;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.roster.RoutingProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins add and change roster members. A member's tier is their role's (routing gives tier 1 to
 * agents, tier 2 to specialists of a group, tier 3 to managers; the head of support stands in at
 * tier 3); a specialist has one of the groups routing knows. A change that leaves a tier (or a tier 2
 * group) that had an owner with nobody who can own its tickets is refused; one that leaves a tier
 * to its fallback or to nobody is answered with warnings. Every change is in the audit trail.
 */
@Service
class RosterCommands {
  private final RosterRepository roster;
  private final RosterCoverage coverage;
  private final RoutingProperties routing;
  private final AuditTrail audit;
  private final CurrentActor actor;

  RosterCommands(RosterRepository roster, RosterCoverage coverage, RoutingProperties routing, AuditTrail audit, CurrentActor actor) {
    this.roster = roster;
    this.coverage = coverage;
    this.routing = routing;
    this.audit = audit;
    this.actor = actor;
  }

  record Written(RosterMember member, List<String> warnings) {}

  static final class Invalid extends RuntimeException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }

  static final class LeavesTierUnowned extends RuntimeException {
    LeavesTierUnowned(String message) {
      super(message);
    }
  }

  static final class NotFound extends RuntimeException {
    NotFound(String username) {
      super("no roster member " + username);
    }
  }

  @Transactional
  Written add(MemberRequest request) {
    if (request.username() == null) {
      throw new Invalid("username", "must not be null");
    }
    check(request);
    if (roster.existsById(request.username())) {
      throw new Conflict("roster member " + request.username() + " exists already; change it with PUT /api/roster/" + request.username());
    }
    RosterMember member = new RosterMember(request.username(), request.displayName().strip(), request.email().strip(), request.role(),
        request.tier(), request.skillGroup(), request.available(), request.onDuty(), null, null);
    Written written = write(null, member);
    audit.record(null, AuditEventType.ROSTER_CHANGED, actor.name(), "added " + describe(written.member()));
    return written;
  }

  @Transactional
  Written change(String username, MemberRequest request) {
    if (request.username() != null && !request.username().equals(username)) {
      throw new Invalid("username", "must be absent or " + username + ": a member's username does not change");
    }
    check(request);
    RosterMember before = roster.findById(username).orElseThrow(() -> new NotFound(username));
    if (before.role() != request.role()) {
      throw new Invalid("role", "must stay " + before.role() + ": a login acts with its roster role, so a new role is a new member");
    }
    RosterMember after = new RosterMember(username, request.displayName().strip(), request.email().strip(), request.role(),
        request.tier(), request.skillGroup(), request.available(), request.onDuty(), before.lastAssignedAt(), before.version());
    Written written = write(before, after);
    audit.record(null, AuditEventType.ROSTER_CHANGED, actor.name(), "changed " + describe(before) + " to " + describe(written.member()));
    return written;
  }

  private Written write(RosterMember before, RosterMember after) {
    List<RosterMember> current = roster.findAll();
    List<RosterMember> next = new ArrayList<>(current.stream().filter(m -> !m.username().equals(after.username())).toList());
    next.add(after);
    Map<String, RosterCoverage.Cover> was = coverage.of(current);
    Map<String, RosterCoverage.Cover> will = coverage.of(next);
    List<String> lost = RosterCoverage.lost(was, will);
    if (!lost.isEmpty()) {
      throw new LeavesTierUnowned("this change leaves nobody available to own " + String.join(", ", lost)
          + " (H1: every open ticket has an owner); make someone else available first");
    }
    RosterMember saved = roster.save(after);
    return new Written(saved, RosterCoverage.warnings(will));
  }

  private void check(MemberRequest request) {
    if (request.role() == Role.ADMIN) {
      throw new Invalid("role", "must be AGENT, SPECIALIST, MANAGER or HEAD_OF_SUPPORT: an admin is a login, not on the roster");
    }
    int tier = switch (request.role()) {
      case AGENT -> 1;
      case SPECIALIST -> 2;
      default -> 3;
    };
    if (request.tier() != tier) {
      throw new Invalid("tier", "must be " + tier + " for " + request.role() + ": routing gives " + request.role()
          + " members tier " + tier + " tickets, so at tier " + request.tier() + " nobody would route tickets to them");
    }
    TreeSet<String> groups = new TreeSet<>(routing.skillGroups().values());
    if (request.role() == Role.SPECIALIST && (request.skillGroup() == null || !groups.contains(request.skillGroup()))) {
      throw new Invalid("skillGroup", "must be one of " + String.join(", ", groups) + " for a specialist (the groups routing knows)");
    }
    if (request.role() != Role.SPECIALIST && request.skillGroup() != null) {
      throw new Invalid("skillGroup", "must be absent: only specialists have a group");
    }
  }

  private static String describe(RosterMember m) {
    return m.username() + " (" + m.displayName() + ", " + m.email() + ", " + m.role() + ", tier " + m.tier()
        + (m.skillGroup() == null ? "" : ", group " + m.skillGroup()) + (m.available() ? ", available" : ", not available")
        + (m.onDuty() ? ", on duty" : "") + ")";
  }
}
