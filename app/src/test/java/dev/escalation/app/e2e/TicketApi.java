package dev.escalation.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for the REST API, as an outside client would use it. It authenticates with
 * HTTP Basic as {@link #DEFAULT_USER} (head of support: may act on every ticket) unless told
 * otherwise: {@link #as(String)} for another demo login, {@link #withToken(String)} for an API
 * token, {@link #anonymous()} for none.
 */
public final class TicketApi {
  public static final String DEFAULT_USER = "head1";
  public static final String DEMO_PASSWORD = "demo";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final String authorization;
  private final HttpClient http;

  public TicketApi(int port) {
    this(port, HTTP);
  }

  /** The same API over a client of the caller's (the benchmark tells its client's threads from the app's). */
  public TicketApi(int port, HttpClient http) {
    this("http://localhost:" + port, basic(DEFAULT_USER, DEMO_PASSWORD), http);
  }

  private TicketApi(String base, String authorization, HttpClient http) {
    this.base = base;
    this.authorization = authorization;
    this.http = http;
  }

  /** The same API as another demo login (password {@code demo}). */
  public TicketApi as(String username) {
    return new TicketApi(base, basic(username, DEMO_PASSWORD), http);
  }

  public TicketApi as(String username, String password) {
    return new TicketApi(base, basic(username, password), http);
  }

  public TicketApi withToken(String token) {
    return new TicketApi(base, "Bearer " + token, http);
  }

  /** Any Authorization header value, e.g. a malformed one. */
  public TicketApi withAuthorization(String header) {
    return new TicketApi(base, header, http);
  }

  public TicketApi anonymous() {
    return new TicketApi(base, null, http);
  }

  public static String basic(String username, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public record Response(int status, JsonNode body, String contentType, String location) {}

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  /** Any method; a body that is not a String is sent as JSON. */
  public Response send(String method, String path, Object body) {
    try {
      String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
      if (text != null) {
        request.header("Content-Type", "application/json");
      }
      return send(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A POST as a machine caller (a tracker's webhook) sends it: exact body bytes and its own headers. */
  public Response postRaw(String path, String body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  public static Map<String, Object> ticketRequest(String priority, String category, String email) {
    return Map.of(
        "customer", Map.of("name", "Dana Customer", "email", email, "language", "en", "vip", false, "annualRevenue", 50000),
        "channel", "email",
        // Neutral on purpose: no triage signal, so the criteria take the default path (see CriteriaEndToEndTest).
        "subject", "Invoice charged twice",
        "description", "Our March invoice was charged twice to the company card.",
        "priority", priority,
        "category", category);
  }

  /** Opens a ticket with this request and returns its id. */
  public long open(Map<String, Object> request) {
    Response created = post("/api/tickets", request);
    if (created.status() != 201) {
      throw new IllegalStateException("could not open a ticket: " + created);
    }
    return created.body().get("id").asLong();
  }

  public static Map<String, Object> ticketRequest(String priority, String category, String email, boolean vip, String subject,
      String description) {
    return Map.of(
        "customer", Map.of("name", "Dana Customer", "email", email, "language", "en", "vip", vip, "annualRevenue", 50000),
        "channel", "email",
        "subject", subject,
        "description", description,
        "priority", priority,
        "category", category);
  }

  public List<JsonNode> timeline(long id) {
    List<JsonNode> entries = new ArrayList<>();
    get("/api/tickets/" + id + "/timeline").body().forEach(entries::add);
    return entries;
  }

  public long open(String priority, String category, String email) {
    Response created = post("/api/tickets", ticketRequest(priority, category, email));
    if (created.status() != 201) {
      throw new IllegalStateException("could not open a ticket: " + created);
    }
    return created.body().get("id").asLong();
  }

  public JsonNode ticket(long id) {
    return get("/api/tickets/" + id).body();
  }

  public List<String> timelineTypes(long id) {
    List<String> types = new ArrayList<>();
    get("/api/tickets/" + id + "/timeline").body().forEach(e -> types.add(e.get("type").asText()));
    return types;
  }

  /**
   * Clock starts on the timeline: the process's last write to the ticket after an assignment, so an
   * action posted once this count is reached cannot race the process for the ticket's row.
   */
  public long clockStarts(long id) {
    return timelineTypes(id).stream().filter("SLA_CLOCKS_STARTED"::equals).count();
  }

  /** The conversation's messages in one direction ({@code FROM_CUSTOMER} or {@code TO_CUSTOMER}). */
  public List<JsonNode> messages(long id, String direction) {
    List<JsonNode> list = new ArrayList<>();
    get("/api/tickets/" + id + "/messages").body().forEach(m -> {
      if (direction.equals(m.get("direction").asText())) {
        list.add(m);
      }
    });
    return list;
  }

  public List<JsonNode> notifications(long ticketId) {
    List<JsonNode> list = new ArrayList<>();
    get("/api/notifications?ticketId=" + ticketId).body().forEach(list::add);
    return list;
  }

  public List<JsonNode> notifications(long ticketId, String kind) {
    return notifications(ticketId).stream().filter(n -> kind.equals(n.get("kind").asText())).toList();
  }

  public void advanceClock(String isoDuration) {
    Response moved = post("/api/dev/clock", Map.of("advance", isoDuration));
    if (moved.status() != 200) {
      throw new IllegalStateException("could not move the clock: " + moved);
    }
  }

  private Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() || !looksLikeJson(response) ? null : json.readTree(response.body());
      return new Response(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Location").orElse(null));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean looksLikeJson(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
  }
}
