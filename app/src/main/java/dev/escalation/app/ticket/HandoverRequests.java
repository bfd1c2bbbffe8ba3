package dev.escalation.app.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of W2 grab and W3 reassignment. */
final class HandoverRequests {
  private HandoverRequests() {}

  /** The body of a grab is optional; a note, when given, goes into the handoff note. */
  record Grab(@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when given") @Size(max = 2000) String note) {}

  record Reassignment(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a roster username") String username,
      @NotBlank @Size(max = 2000) String reason) {}
}
