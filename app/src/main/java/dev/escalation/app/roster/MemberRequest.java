package dev.escalation.app.roster;

import dev.escalation.workers.roster.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A roster member as an admin writes it ({@code POST /api/roster}, {@code PUT /api/roster/{username}}).
 * {@code username} only when adding; on a change the path names the member.
 */
record MemberRequest(
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}", message = "must be lower case letters, digits, '.', '_' or '-', at most 64") String username,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank @Email @Size(max = 320) String email,
    @NotNull Role role,
    @NotNull @Min(1) @Max(3) Integer tier,
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a group name such as billing") String skillGroup,
    @NotNull Boolean available,
    @NotNull Boolean onDuty) {}
