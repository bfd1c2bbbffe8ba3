package dev.escalation.app.sla;

import dev.escalation.workers.sla.CustomerPlans;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KnownPlan} against the configured plans; the message names them and the default. */
class KnownPlanValidator implements ConstraintValidator<KnownPlan, String> {
  private final CustomerPlans plans;

  KnownPlanValidator(CustomerPlans plans) {
    this.plans = plans;
  }

  @Override
  public boolean isValid(String plan, ConstraintValidatorContext context) {
    if (plan == null || plans.isKnown(plan)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", plans.names())
        + " (or left out: " + plans.defaultPlan() + ")").addConstraintViolation();
    return false;
  }
}
