package dev.escalation.workers.calendar;

import java.time.LocalDate;

/** A day a calendar does not work; {@code name} may be null. */
public record Holiday(LocalDate date, String name) {}
