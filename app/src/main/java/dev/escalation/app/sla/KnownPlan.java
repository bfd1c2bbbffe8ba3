package dev.escalation.app.sla;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** S1: a customer plan named in {@code escalation.sla.plans.names}, in capitals; null means the default plan. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownPlanValidator.class)
public @interface KnownPlan {
  String message() default "must be one of the configured plans";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
