package dev.escalation.app.survey;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * M5: what the customer answers. A decimal, not an int, so that 4.5 is refused rather than read as 4.
 */
record SurveyAnswer(
    @NotNull
    @DecimalMin(value = "1", message = RATING) @DecimalMax(value = "5", message = RATING) @Digits(integer = 1, fraction = 0, message = RATING)
    BigDecimal rating,
    @Size(max = 2000) String comment) {
  static final String RATING = "must be a whole number from 1 to 5";
}
