package dev.escalation.app.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An enum in a query or path parameter is one of its constants' names, spelled exactly (Spring's
 * default conversion trims blanks). Anything else is a type mismatch, a 400 naming the parameter and
 * the allowed values. Request bodies: {@link EnumNamesOnly}.
 */
@Component
class EnumParameters implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverterFactory(new ExactNames());
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class ExactNames implements ConverterFactory<String, Enum> {
    @Override
    public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
      Class<?> type = targetType;
      while (type != null && !type.isEnum()) {
        type = type.getSuperclass(); // a constant with a body is a subclass of its enum
      }
      Class<? extends Enum> enumType = (Class<? extends Enum>) type;
      return text -> {
        if (text.isEmpty()) {
          return null;
        }
        return (T) Arrays.stream(enumType.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("not one of " + Arrays.stream(enumType.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", "))));
      };
    }
  }
}
