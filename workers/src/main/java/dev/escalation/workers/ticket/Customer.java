package dev.escalation.workers.ticket;

import java.math.BigDecimal;

/** The customer as the ticket recorded them (columns customer_*). */
public record Customer(String name, String email, String language, boolean vip, BigDecimal annualRevenue) {}
