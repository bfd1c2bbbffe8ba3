package dev.escalation.app.approval;

import dev.escalation.app.security.ActsOnTicket;
import dev.escalation.app.security.CurrentActor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A1: {@code POST /api/tickets/{id}/refund-requests} and the ticket's refund requests. */
@RestController
class RefundController {
  private final RefundCommands commands;
  private final CurrentActor actor;

  RefundController(RefundCommands commands, CurrentActor actor) {
    this.commands = commands;
    this.actor = actor;
  }

  record RefundBody(
      @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
      @DecimalMax(value = "9999999999999.99", message = "must be at most 9999999999999.99")
      @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimals") BigDecimal amount,
      @NotNull @Pattern(regexp = "(?i)AED|AUD|BRL|CAD|CHF|CNY|CZK|DKK|EUR|GBP|HKD|HUF|INR|JPY|MXN|NOK|NZD|PLN|SEK|SGD|USD|ZAR",
          message = "must be a supported ISO 4217 currency code such as EUR or USD") String currency,
      @NotBlank @Size(max = 2000) String reason,
      @Size(max = 255) @Pattern(regexp = "pi_[A-Za-z0-9_]+", message = "must be a payment intent id (pi_...)") String paymentIntent) {}

  @ActsOnTicket
  @PostMapping("/api/tickets/{id}/refund-requests")
  ResponseEntity<RefundView> request(@PathVariable long id, @Valid @RequestBody RefundBody body) {
    RefundView created = RefundView.of(commands.request(Caller.of(actor), id, body));
    return ResponseEntity.accepted()
        .location(URI.create("/api/tickets/" + id + "/refund-requests/" + created.id()))
        .body(created);
  }

  @GetMapping("/api/tickets/{id}/refund-requests")
  List<RefundView> ofTicket(@PathVariable long id) {
    return commands.ofTicket(id).stream().map(RefundView::of).toList();
  }
}
