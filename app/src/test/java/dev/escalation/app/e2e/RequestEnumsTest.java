package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every enum field of every request body accepts only its names, spelled exactly: not the
 * constant's index ({@code 0}, {@code "0"}), not lower case, not padded, not another type. Each
 * refusal is a 400 naming the field and the allowed values, before anything is done.
 */
@EmbeddedAppTest
class RequestEnumsTest {
  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void everyEnumFieldOfEveryRequestAcceptsOnlyItsNames() {
    List<String> checked = new ArrayList<>();
    for (RequestBodies.Endpoint endpoint : RequestBodies.endpoints(mappings)) {
      for (RequestBodies.Field field : RequestBodies.fields(endpoint.body())) {
        if (!field.type().isEnum()) {
          continue;
        }
        Object[] constants = field.type().getEnumConstants();
        String first = ((Enum<?>) constants[0]).name();
        String allowed = "must be one of " + Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        for (Object wrong : List.of(0, "0", 1, "1", -1, 1.5, true, first.toLowerCase(Locale.ROOT), " " + first, first + " ", "garbage",
            List.of(first))) {
          TicketApi.Response response = permitted(endpoint, RequestBodies.bodyWith(field.path(), wrong));
          String what = endpoint + " " + field.path() + " = " + wrong;
          assertThat(response.status()).as(what).isEqualTo(400);
          assertThat(response.contentType()).as(what).startsWith("application/problem+json");
          JsonNode error = response.body().get("errors").get(0);
          assertThat(error.get("field").asText()).as(what).isEqualTo(field.path());
          assertThat(error.get("message").asText()).as(what).isEqualTo(allowed);
        }
        checked.add(endpoint.path() + " " + field.path());
      }
    }
    // the walk found the enums this test was written for (and finds new ones by itself)
    assertThat(checked).contains("/api/tickets priority", "/api/tickets category", "/api/tickets/1/escalations type",
        "/api/admin/tokens role", "/api/admin/users role", "/api/tasks/1/complete rootCause");
  }

  /** Sent by a caller the URL rules let through: the head of support, or an admin for admin endpoints. */
  private TicketApi.Response permitted(RequestBodies.Endpoint endpoint, Object body) {
    TicketApi.Response response = api.send(endpoint.method(), endpoint.path(), body);
    return response.status() == 403 ? api.as("admin").send(endpoint.method(), endpoint.path(), body) : response;
  }
}
