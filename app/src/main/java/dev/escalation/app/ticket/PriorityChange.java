package dev.escalation.app.ticket;

import dev.escalation.workers.ticket.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** S4: body of {@code POST /api/tickets/{id}/priority}: the new priority and why. */
record PriorityChange(@NotNull Priority priority, @NotBlank @Size(max = 2000) String reason) {}
