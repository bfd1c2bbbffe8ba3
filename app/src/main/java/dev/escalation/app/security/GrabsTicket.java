package dev.escalation.app.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * W2: marks the handler that grabs the ticket its {@code id} parameter names: a specialist of the
 * ticket's group at tier 1 or their own tier, or a supervisor ({@link TicketAccess#mayGrab}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@ticketAccess.mayGrab(authentication, #id)")
public @interface GrabsTicket {}
