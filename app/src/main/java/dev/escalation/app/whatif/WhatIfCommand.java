package dev.escalation.app.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * M6 from the command line: sends a candidate table to a running app's {@code POST /api/criteria/what-if}
 * and prints the totals and every evaluation whose outcome would change. Credentials come from the
 * environment, never from the arguments: {@code ESCALATION_API_TOKEN} (an API token), or
 * {@code ESCALATION_API_USER} and {@code ESCALATION_API_PASSWORD}.
 *
 * <pre>
 * java -cp app/target/escalation-app-0.1.0-SNAPSHOT.jar -Dloader.main=dev.escalation.app.whatif.WhatIfCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --table candidate.dmn [--url http://localhost:8080] [--from 2026-01-01T00:00:00Z] [--to 2026-02-01T00:00:00Z]
 * </pre>
 *
 * Exit status: 0 when the replay ran, 1 when the app refused it (its problem is printed), 2 on bad usage.
 */
public final class WhatIfCommand {
  private static final String USAGE = "usage: --table FILE.dmn [--url http://localhost:8080] [--from INSTANT] [--to INSTANT]";

  private WhatIfCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println(USAGE);
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    if (!options.containsKey("table") || !options.keySet().stream().allMatch(k -> k.matches("table|url|from|to"))) {
      err.println(USAGE);
      return 2;
    }
    String authorization = authorization(env);
    if (authorization == null) {
      err.println("set ESCALATION_API_TOKEN, or ESCALATION_API_USER and ESCALATION_API_PASSWORD");
      return 2;
    }
    try {
      byte[] table = Files.readAllBytes(Path.of(options.get("table")));
      String url = options.getOrDefault("url", "http://localhost:8080") + "/api/criteria/what-if" + query(options);
      String boundary = "whatif-" + UUID.randomUUID();
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", authorization)
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, Path.of(options.get("table")).getFileName().toString(), table)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = new ObjectMapper().readTree(response.body().isBlank() ? "{}" : response.body());
      if (response.statusCode() != 200) {
        err.println("HTTP " + response.statusCode() + ": " + body.path("detail").asText(response.body()));
        return 1;
      }
      print(body, out);
      return 0;
    } catch (IOException e) {
      err.println("what-if failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static void print(JsonNode result, PrintStream out) {
    out.println("window " + result.at("/window/from").asText() + " .. " + result.at("/window/to").asText());
    out.println("evaluated " + result.get("evaluated").asLong() + ", changed " + result.get("changed").asLong());
    JsonNode t = result.get("totals");
    out.println("rule changed " + t.get("ruleChanged").asLong() + "; start higher " + t.get("startHigher").asLong() + ", lower "
        + t.get("startLower").asLong() + "; priority higher " + t.get("priorityHigher").asLong() + ", lower "
        + t.get("priorityLower").asLong() + "; max tier higher " + t.get("maxTierHigher").asLong() + ", lower "
        + t.get("maxTierLower").asLong() + "; pages +" + t.get("morePages").asLong() + " -" + t.get("fewerPages").asLong()
        + "; dev tasks +" + t.get("moreDevTasks").asLong() + " -" + t.get("fewerDevTasks").asLong() + "; failed " + t.get("failed").asLong());
    out.println("starting tiers recorded " + t.at("/startingTiers/recorded") + ", candidate " + t.at("/startingTiers/candidate"));
    for (JsonNode r : result.get("tickets")) {
      if (r.get("changed").asBoolean()) {
        out.println("ticket " + r.get("ticketId").asLong() + " (evaluation " + r.get("evaluationId").asLong() + "): " + describe(r.get("recorded"))
            + " -> " + describe(r.get("candidate")));
      }
    }
  }

  private static String describe(JsonNode o) {
    if (o.hasNonNull("error")) {
      return "error: " + o.get("error").asText();
    }
    return o.get("ruleId").asText("no rule") + " " + o.get("effectivePriority").asText() + " tier " + o.get("startingTier").asText()
        + "/" + o.get("maxTier").asText() + (o.get("pageManager").asBoolean() ? " page" : "")
        + (o.get("createDevTask").asBoolean() ? " dev-task" : "");
  }

  private static String query(Map<String, String> options) {
    StringBuilder q = new StringBuilder();
    for (String name : new String[] {"from", "to"}) {
      if (options.containsKey(name)) {
        q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(URLEncoder.encode(options.get(name), StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }

  private static byte[] multipart(String boundary, String filename, byte[] table) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"table\"; filename=\"" + filename.replace("\"", "")
        + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(table);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static String authorization(Map<String, String> env) {
    String token = env.get("ESCALATION_API_TOKEN");
    if (token != null && !token.isBlank()) {
      return "Bearer " + token;
    }
    String user = env.get("ESCALATION_API_USER");
    String password = env.get("ESCALATION_API_PASSWORD");
    if (user == null || password == null) {
      return null;
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
