package dev.escalation.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An enum in a request is one of its documented names, spelled exactly: {@code "P1"}, never
 * {@code 0}, {@code "0"}, {@code "p1"} or {@code " P1 "}. Jackson by default also reads a number (or
 * a string of digits) as the constant's index and trims blanks, so {@code "priority": 0} opened a
 * P1 ticket. Anything else is an {@link InvalidFormatException} naming the enum, which the API turns
 * into a 400 naming the field and the allowed values. Query and path parameters: {@link EnumParameters}.
 */
@Component
class EnumNamesOnly extends SimpleModule {

  EnumNamesOnly() {
    super("enum-names-only");
    setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
          JsonDeserializer<?> deserializer) {
        return new NamesOnly(deserializer, type.getRawClass());
      }
    });
  }

  /** The names a request may use: each constant's {@code @JsonProperty} name, or else its name. */
  static Set<String> names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(constant -> {
      try {
        JsonProperty renamed = type.getField(((Enum<?>) constant).name()).getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : ((Enum<?>) constant).name();
      } catch (NoSuchFieldException impossible) {
        throw new IllegalStateException(impossible);
      }
    }).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static final class NamesOnly extends DelegatingDeserializer {
    private final Class<?> type;
    private final Set<String> names;

    NamesOnly(JsonDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
      this.names = names(type);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new NamesOnly(newDelegatee, type);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_STRING && names.contains(parser.getText())) {
        return super.deserialize(parser, context);
      }
      String given = token != null && token.isScalarValue() ? parser.getText() : String.valueOf(token);
      throw InvalidFormatException.from(parser, "not one of " + names, given, type);
    }
  }
}
