package dev.escalation.app.e2e;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request body of the API, found from the app's own handler mappings rather than listed by
 * hand, so that a new endpoint or field is covered by the tests that walk them. The embedded mode's
 * dev endpoints are left out (they are not in the production jar; BadInputTest covers them).
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** One endpoint taking a record body; {@code path} has its variables replaced by 1. */
  public record Endpoint(String method, String path, Class<?> body) {}

  /** A field of a body: its path as the API names it in problems ({@code customer.name}, {@code items[0].note}) and its type. */
  public record Field(String path, Class<?> type) {}

  public static List<Endpoint> endpoints(RequestMappingHandlerMapping mappings) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (handler.getBeanType().getPackageName().startsWith("dev.escalation.app.embedded")) {
        continue;
      }
      for (Parameter parameter : handler.getMethod().getParameters()) {
        if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
          for (var method : entry.getKey().getMethodsCondition().getMethods()) {
            for (String pattern : entry.getKey().getPatternValues()) {
              endpoints.add(new Endpoint(method.name(), pattern.replaceAll("\\{[^}]+}", "1"), parameter.getType()));
            }
          }
        }
      }
    }
    return endpoints;
  }

  /** The leaves of a record (its own components, and those of the records and lists of records it holds). */
  public static List<Field> fields(Class<?> record) {
    List<Field> fields = new ArrayList<>();
    collect(record, "", fields);
    return fields;
  }

  private static void collect(Class<?> record, String prefix, List<Field> fields) {
    for (RecordComponent component : record.getRecordComponents()) {
      String path = prefix + component.getName();
      Class<?> type = component.getType();
      if (type.isRecord()) {
        collect(type, path + ".", fields);
      } else if (List.class.isAssignableFrom(type) && component.getGenericType() instanceof ParameterizedType list) {
        Type element = list.getActualTypeArguments()[0];
        if (element instanceof Class<?> c && c.isRecord()) {
          collect(c, path + "[0].", fields);
        } else if (element instanceof Class<?> c) {
          fields.add(new Field(path + "[0]", c));
        }
      } else {
        fields.add(new Field(path, type));
      }
    }
  }

  /** A body holding only {@code value} at {@code path} (nested objects and one-element lists as the path says). */
  public static Map<String, Object> bodyWith(String path, Object value) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    Object inner = dot < 0 ? value : bodyWith(path.substring(dot + 1), value);
    Map<String, Object> body = new LinkedHashMap<>();
    if (head.endsWith("[0]")) {
      List<Object> list = new ArrayList<>();
      list.add(inner);
      body.put(head.substring(0, head.length() - 3), list);
    } else {
      body.put(head, inner);
    }
    return body;
  }
}
