package dev.escalation.workers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The error text of a refused Graph API call (WhatsApp Cloud API, Instagram messaging):
 * {@code {"error": {"message": "...", "code": 131047, "error_data": {"details": "..."}}}} reads
 * {@code (#131047) ...: details}.
 */
public final class GraphErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphErrors() {}

  public static String text(String body) {
    JsonNode error;
    try {
      error = JSON.readTree(body).path("error");
    } catch (IOException | IllegalArgumentException e) {
      return body;
    }
    if (error.isMissingNode()) {
      return body;
    }
    String message = error.path("message").asText("");
    if (!message.startsWith("(#") && error.has("code")) {
      message = "(#" + error.get("code").asText() + ") " + message;
    }
    String details = error.path("error_data").path("details").asText("");
    return details.isEmpty() ? message : message + ": " + details;
  }
}
