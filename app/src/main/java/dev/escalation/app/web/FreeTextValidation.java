package dev.escalation.app.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link FreeText} to every text of every validated request body ({@code @Valid} or
 * {@code @Validated}), next to Bean Validation: each string of the request record, of the records it
 * holds and of their lists. A refused text is a field error like any other, so the 400 problem names
 * the field ({@code customer.name}, {@code items[2].note}).
 */
@ControllerAdvice
class FreeTextValidation implements Validator {

  @InitBinder
  void checkFreeText(WebDataBinder binder) {
    binder.addValidators(this);
  }

  @Override
  public boolean supports(Class<?> type) {
    return true; // any body; only records are walked
  }

  @Override
  public void validate(Object target, Errors errors) {
    if (errors instanceof BindingResult result) {
      walk(target, "", result);
    }
  }

  private static void walk(Object value, String path, BindingResult result) {
    if (value instanceof String text) {
      String problem = FreeText.problem(text);
      if (problem != null) {
        result.addError(new FieldError(result.getObjectName(), path, null, false, new String[] {"FreeText"}, null, problem));
      }
    } else if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]", result);
      }
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          component.getAccessor().setAccessible(true);
          walk(component.getAccessor().invoke(value), path.isEmpty() ? component.getName() : path + "." + component.getName(), result);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component, e);
        }
      }
    }
  }
}
