package dev.escalation.app.devtask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.app.web.Sha256Signatures;
import dev.escalation.workers.devtask.DevTaskProperties;
import dev.escalation.workers.devtask.Tracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * N3: the trackers' "closed" events. These endpoints need no user login; each verifies its caller:
 * GitHub signs the body with HMAC-SHA256 ({@code X-Hub-Signature-256}); Jira either signs it the same way
 * ({@code X-Hub-Signature}, webhooks registered with a secret) or carries the shared secret
 * ({@code ?token=} in the webhook URL, or the {@code X-Webhook-Token} header). Unverified calls get a
 * 401 problem that says only that (the log says why); events about other issues or other changes are acknowledged with 204 and ignored.
 */
@RestController
@RequestMapping("/api/webhooks")
class TrackerWebhooks {
  static final String NOT_AUTHENTICATED = "the request is not authenticated";
  private static final Logger log = LoggerFactory.getLogger(TrackerWebhooks.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevTaskProperties properties;
  private final DevTaskClosures closures;

  TrackerWebhooks(DevTaskProperties properties, DevTaskClosures closures) {
    this.properties = properties;
    this.closures = closures;
  }

  @PostMapping("/github")
  ResponseEntity<?> github(
      @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
      @RequestHeader(name = "X-GitHub-Event", required = false) String event,
      @RequestBody(required = false) byte[] body) {
    String secret = properties.github().webhookSecret();
    if (secret == null || secret.isBlank()) {
      return unauthorized("github", "no secret is configured: set escalation.dev-tasks.github.webhook-secret (env GITHUB_WEBHOOK_SECRET)");
    }
    if (signature == null || !Sha256Signatures.matches(secret, body == null ? new byte[0] : body, signature)) {
      return unauthorized("github", "X-Hub-Signature-256 is missing or does not match the body signed with the configured secret");
    }
    JsonNode payload = parse(body);
    if (!"issues".equals(event) || payload == null || !"closed".equals(payload.path("action").asText())) {
      return ResponseEntity.noContent().build();
    }
    if ("not_planned".equals(payload.path("issue").path("state_reason").asText())) {
      return ResponseEntity.noContent().build(); // closed without a fix: nothing shipped
    }
    String key = payload.path("repository").path("full_name").asText() + "#" + payload.path("issue").path("number").asLong();
    String actor = "github:" + payload.path("sender").path("login").asText("unknown");
    return correlated(Tracker.GITHUB, key, actor);
  }

  @PostMapping("/jira")
  ResponseEntity<?> jira(
      @RequestParam(name = "token", required = false) String token,
      @RequestHeader(name = "X-Webhook-Token", required = false) String headerToken,
      @RequestHeader(name = "X-Hub-Signature", required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    String secret = properties.jira().webhookSecret();
    if (secret == null || secret.isBlank()) {
      return unauthorized("jira", "no secret is configured: set escalation.dev-tasks.jira.webhook-secret (env JIRA_WEBHOOK_SECRET)");
    }
    String given = token != null ? token : headerToken;
    boolean tokenMatches = given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    // Jira Cloud webhooks registered with a secret sign the body like GitHub: X-Hub-Signature: sha256=<hmac>
    boolean signed = signature != null && Sha256Signatures.matches(secret, body == null ? new byte[0] : body, signature);
    if (!tokenMatches && !signed) {
      return unauthorized("jira", "neither a webhook token (?token= or X-Webhook-Token) nor a valid X-Hub-Signature came with the call");
    }
    JsonNode payload = parse(body);
    if (payload == null || !"jira:issue_updated".equals(payload.path("webhookEvent").asText())) {
      return ResponseEntity.noContent().build();
    }
    JsonNode status = payload.path("issue").path("fields").path("status");
    if (!"done".equals(status.path("statusCategory").path("key").asText())) {
      return ResponseEntity.noContent().build();
    }
    String actor = "jira:" + payload.path("user").path("displayName").asText("unknown");
    return correlated(Tracker.JIRA, payload.path("issue").path("key").asText(), actor);
  }

  private ResponseEntity<?> correlated(Tracker tracker, String key, String actor) {
    return closures.closed(tracker, key, actor)
        .<ResponseEntity<?>>map(task -> ResponseEntity.accepted().body(Map.of(
            "status", "correlated", "ticketId", task.ticketId(), "devTask", task.key())))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body == null || body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** The caller learns only that it is not authenticated; why (which secret is missing, which check failed) is for the log. */
  private static ResponseEntity<?> unauthorized(String webhook, String reason) {
    log.warn("{} webhook call refused: {}", webhook, reason);
    return DevTaskController.problem(HttpStatus.UNAUTHORIZED, "Webhook not verified", NOT_AUTHENTICATED);
  }
}
