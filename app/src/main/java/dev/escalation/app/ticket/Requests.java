package dev.escalation.app.ticket;

import dev.escalation.app.sla.KnownPlan;
import dev.escalation.workers.handoff.EscalationType;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Priority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Request bodies of the ticket API; Bean Validation names the field of every problem. */
final class Requests {
  static final String CHANNELS = "(?i)email|chat|whatsapp|telegram|instagram|phone|web";

  private Requests() {}

  record CustomerRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String language,
      Boolean vip,
      @DecimalMin(value = "0", message = "must not be negative")
      @DecimalMax(value = "9999999999999.99", message = "must be at most 9999999999999.99") // DECIMAL(15,2)
      BigDecimal annualRevenue,
      @KnownPlan String plan) {}

  record OpenTicket(
      @NotNull @Valid CustomerRequest customer,
      @NotBlank @Pattern(regexp = CHANNELS, message = "must be one of email, chat, whatsapp, telegram, instagram, phone, web") String channel,
      @NotBlank @Size(max = 200) String subject,
      @NotBlank @Size(max = 20000) String description,
      @NotNull Priority priority,
      @NotNull Category category) {}

  record Attempt(@NotBlank @Size(max = 5000) String note) {}

  record EscalationRequest(
      @NotNull EscalationType type,
      @NotBlank @Size(max = 5000) String summary,
      @NotBlank @Size(max = 5000) String attempted,
      @NotBlank @Size(max = 5000) String need,
      @Size(max = 2000) String overrideReason) {}

  record Reply(@NotBlank @Size(max = 5000) String text) {}

  record Question(@NotBlank @Size(max = 5000) String question) {}

  record CustomerReply(@NotBlank @Size(max = 20000) String message) {}

  record Resolution(@NotBlank @Size(max = 5000) String summary) {}

  record Reopen(@NotBlank @Size(max = 2000) String reason) {}
}
