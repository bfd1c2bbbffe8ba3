package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text field of every request body refuses text that hides what it says: bidirectional
 * embeddings, overrides and isolates, only invisible characters, and lone surrogates, whether sent
 * as a JSON escape ({@code "\ud800"}) or as the raw bytes of an encoded surrogate. Each is a 400
 * naming the field. Bytes that are not UTF-8 (overlong, out of range, stray) are a 400 naming the body.
 */
@EmbeddedAppTest
class RequestTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BIDI = "must not contain bidirectional embedding, override or isolate characters (U+202A to U+202E, U+2066 to U+2069)";
  private static final String INVISIBLE = "must contain visible characters";
  private static final String SURROGATE = "must be valid Unicode: it contains a lone surrogate";
  private static final String MARKER = "@@text@@";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired JdbcClient jdbc;
  TicketApi api;
  private String chatToken;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void everyTextFieldOfEveryRequestRefusesHiddenText() throws Exception {
    Map<String, String> refused = new LinkedHashMap<>();
    for (char c = '\u202a'; c <= '\u202e'; c++) {
      refused.put(quoted("Invoice " + c + "fdp.exe"), BIDI);
    }
    for (char c = '\u2066'; c <= '\u2069'; c++) {
      refused.put(quoted("a" + c + "b"), BIDI);
    }
    for (String hidden : List.of("\u200b", "\u200b\u200c\u200d", "\ufeff", "\u2060\u00ad", " \u200b ", "\u3164", "\u2800", "\u00a0\u2003",
        "\u115f\u1160")) {
      refused.put(quoted(hidden), INVISIBLE);
    }
    refused.put("\"a\\ud800b\"", SURROGATE); // JSON escapes: Jackson decodes each to a lone surrogate
    refused.put("\"\\udc00\"", SURROGATE);
    refused.put("\"\\ude80\\ud83d\"", SURROGATE);

    List<String> checked = new ArrayList<>();
    for (RequestBodies.Endpoint endpoint : RequestBodies.endpoints(mappings)) {
      for (RequestBodies.Field field : RequestBodies.fields(endpoint.body())) {
        if (field.type() != String.class) {
          continue;
        }
        String template = JSON.writeValueAsString(RequestBodies.bodyWith(field.path(), MARKER));
        for (var text : refused.entrySet()) {
          byte[] body = template.replace("\"" + MARKER + "\"", text.getKey()).getBytes(StandardCharsets.UTF_8);
          assertNamed(endpoint, field, text.getKey(), send(endpoint, body), text.getValue());
        }
        // the raw bytes of an encoded surrogate (ED A0 80), which Jackson also decodes to a lone one
        byte[] raw = withRawBytes(template, 0xed, 0xa0, 0x80);
        assertNamed(endpoint, field, "bytes ED A0 80", send(endpoint, raw), SURROGATE);
        // bytes that are no UTF-8 at all: overlong forms Jackson would decode to U+0000 or "A", stray and cut-off bytes
        for (int[] invalid : new int[][] {{0xc0, 0x80}, {0xe0, 0x81, 0x81}, {0xf4, 0x90, 0x80, 0x80}, {0x80}}) {
          assertBodyRefused(endpoint, field, send(endpoint, withRawBytes(template, invalid)));
        }
        checked.add(endpoint.path() + " " + field.path());
      }
    }
    assertThat(checked).contains("/api/tickets subject", "/api/tickets customer.name", "/api/tickets description",
        "/api/tickets/1/escalations summary", "/api/tickets/1/attempts note", "/api/tickets/1/customer-replies message",
        "/api/tasks/1/complete comment", "/api/tickets/1/refund-requests reason");
  }

  @Test
  void rightToLeftTextMarksAndLineBreaksAreFine() {
    Map<String, Object> request = new LinkedHashMap<>(TicketApi.ticketRequest("P4", "OTHER", "rtl@example.com"));
    String arabic = "\u0627\u0644\u0641\u0627\u062a\u0648\u0631\u0629 \u200fInvoice 42\u200e";
    request.put("subject", arabic);
    request.put("description", "line one\r\n\tline two \u00a0\u2014 \ud83d\ude80");
    TicketApi.Response created = api.post("/api/tickets", request);
    assertThat(created.status()).isEqualTo(201);
    assertThat(jdbc.sql("SELECT subject FROM ticket WHERE id = ?").param(created.body().get("id").asLong()).query(String.class).single())
        .isEqualTo(arabic);
  }

  private static void assertNamed(RequestBodies.Endpoint endpoint, RequestBodies.Field field, String text, HttpResponse<String> response,
      String message) throws Exception {
    String what = endpoint + " " + field.path() + " = " + text + " -> " + response.body();
    assertThat(response.statusCode()).as(what).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(what).startsWith("application/problem+json");
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors).as(what).isNotNull();
    List<String> found = new ArrayList<>();
    errors.forEach(e -> found.add(e.get("field").asText() + ": " + e.get("message").asText()));
    assertThat(found).as(what).contains(field.path() + ": " + message);
  }

  private HttpResponse<String> send(RequestBodies.Endpoint endpoint, byte[] body) throws Exception {
    if (endpoint.path().startsWith("/api/chat/") && !endpoint.path().equals("/api/chat/conversations")) {
      return send(endpoint, body, "Bearer " + chatToken()); // a customer's chat: its token is the only key
    }
    HttpResponse<String> response = send(endpoint, body, TicketApi.basic(TicketApi.DEFAULT_USER, TicketApi.DEMO_PASSWORD));
    return response.statusCode() == 403 ? send(endpoint, body, TicketApi.basic("admin", TicketApi.DEMO_PASSWORD)) : response;
  }

  private String chatToken() {
    if (chatToken == null) {
      TicketApi.Response started = api.anonymous().post("/api/chat/conversations",
          Map.of("name", "Rita Text", "email", "rita@example.com", "message", "Hello"));
      assertThat(started.status()).as(started.toString()).isEqualTo(201);
      chatToken = started.body().get("token").asText();
    }
    return chatToken;
  }

  private HttpResponse<String> send(RequestBodies.Endpoint endpoint, byte[] body, String authorization) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] withRawBytes(String template, int... raw) {
    String[] parts = template.split(MARKER, -1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
    bytes.write('a');
    for (int b : raw) {
      bytes.write(b);
    }
    bytes.write('b');
    bytes.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static void assertBodyRefused(RequestBodies.Endpoint endpoint, RequestBodies.Field field, HttpResponse<String> response)
      throws Exception {
    String what = endpoint + " " + field.path() + " with invalid UTF-8 -> " + response.body();
    assertThat(response.statusCode()).as(what).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
    assertThat(error.get("field").asText()).as(what).isEqualTo("body");
    assertThat(error.get("message").asText()).as(what).startsWith("must be valid UTF-8");
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
