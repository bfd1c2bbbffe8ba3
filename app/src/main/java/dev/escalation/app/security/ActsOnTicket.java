package dev.escalation.app.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Marks a handler that changes the ticket its {@code id} parameter names: only the ticket's owner
 * or a supervisor may call it ({@link TicketAccess}). Every {@code POST /api/tickets/{id}/...}
 * action carries it; {@code TicketActionOwnerCheckTest} finds any that does not.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@ticketAccess.mayActOn(authentication, #id)")
public @interface ActsOnTicket {}
