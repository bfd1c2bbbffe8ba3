package dev.escalation.workers.ticket;

import java.math.BigDecimal;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * The customer as the ticket recorded them (columns customer_*). {@code plan} (S1) is null when the
 * ticket was opened without one: the SLA policy then sees the configured default plan.
 */
public record Customer(String name, String email, String language, boolean vip, BigDecimal annualRevenue, String plan) {

  @PersistenceCreator
  public Customer {}

  public Customer(String name, String email, String language, boolean vip, BigDecimal annualRevenue) {
    this(name, email, language, vip, annualRevenue, null);
  }
}
