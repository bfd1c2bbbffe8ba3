package dev.escalation.workers.devtask;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira Cloud REST v3: {@code POST /rest/api/3/issue} with an Atlassian Document Format description,
 * basic auth with the account's e-mail and an API token. Every issue carries the ticket's marker
 * label; a retried job first searches for it with JQL ({@code GET /rest/api/3/search/jql}).
 */
class JiraTrackerAdapter implements TrackerAdapter {
  private final DevTaskProperties.Jira jira;
  private final TrackerHttp http;
  private final String authorization;

  JiraTrackerAdapter(DevTaskProperties properties) {
    this.jira = properties.jira();
    if (jira.baseUrl() == null) {
      throw new dev.escalation.workers.job.ConfigurationFailure("escalation.dev-tasks.jira.base-url is not set but escalation.dev-tasks.tracker needs it",
          "set escalation.dev-tasks.jira.base-url (https://your-team.atlassian.net), or set escalation.dev-tasks.tracker=INTERNAL");
    }
    GithubTrackerAdapter.require(jira.email(), "escalation.dev-tasks.jira.email");
    GithubTrackerAdapter.require(jira.apiToken(), "escalation.dev-tasks.jira.api-token (env JIRA_API_TOKEN)");
    GithubTrackerAdapter.require(jira.projectKey(), "escalation.dev-tasks.jira.project-key");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((jira.email() + ":" + jira.apiToken()).getBytes(StandardCharsets.UTF_8));
    this.http = new TrackerHttp(properties.timeout(), new TrackerHttp.Settings("Jira",
        "set escalation.dev-tasks.jira.email and escalation.dev-tasks.jira.api-token (env JIRA_API_TOKEN) to an account that may create issues in project "
            + jira.projectKey(),
        "check escalation.dev-tasks.jira.base-url, escalation.dev-tasks.jira.project-key (now " + jira.projectKey()
            + ") and escalation.dev-tasks.jira.issue-type (now " + jira.issueType() + ")"));
  }

  @Override
  public Tracker tracker() {
    return Tracker.JIRA;
  }

  @Override
  public Optional<TrackerIssue> find(IssueDraft draft) {
    String jql = "project = \"" + jira.projectKey() + "\" AND labels = \"" + draft.marker() + "\"";
    URI uri = uri("/rest/api/3/search/jql?fields=key&maxResults=1&jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8));
    JsonNode found = http.send(authorized(uri).GET().build(), "searching issues labelled " + draft.marker());
    for (JsonNode issue : found.path("issues")) {
      return Optional.of(issue(issue.path("key").asText()));
    }
    return Optional.empty();
  }

  @Override
  public TrackerIssue create(IssueDraft draft) {
    List<String> labels = new ArrayList<>(jira.labels());
    labels.add(draft.marker());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", jira.projectKey()));
    fields.put("issuetype", Map.of("name", jira.issueType()));
    fields.put("summary", draft.title());
    fields.put("description", adf(draft));
    fields.put("labels", labels);
    JsonNode created = http.send(authorized(uri("/rest/api/3/issue")).header("Content-Type", "application/json")
        .POST(TrackerHttp.json(Map.of("fields", fields))).build(), "creating an issue for ticket " + draft.ticketId());
    return issue(created.path("key").asText());
  }

  /** The description as an Atlassian Document Format document. */
  static Map<String, Object> adf(IssueDraft draft) {
    List<Object> content = new ArrayList<>();
    content.add(labelled("Summary: ", draft.summary()));
    content.add(labelled("Customer impact: ", draft.customerImpact()));
    content.add(paragraph(List.of(strong("Steps / description (from the customer):"))));
    for (String block : draft.description().split("\\n\\s*\\n")) {
      if (!block.isBlank()) {
        content.add(paragraph(List.of(text(block.strip()))));
      }
    }
    content.add(paragraph(List.of(strong("Support ticket: "), link(draft.ticketUrl()))));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "doc");
    doc.put("version", 1);
    doc.put("content", content);
    return doc;
  }

  private static Map<String, Object> labelled(String label, String value) {
    return paragraph(List.of(strong(label), text(value)));
  }

  private static Map<String, Object> paragraph(List<Object> content) {
    return Map.of("type", "paragraph", "content", content);
  }

  private static Map<String, Object> text(String text) {
    return Map.of("type", "text", "text", text);
  }

  private static Map<String, Object> strong(String text) {
    return Map.of("type", "text", "text", text, "marks", List.of(Map.of("type", "strong")));
  }

  private static Map<String, Object> link(String url) {
    return Map.of("type", "text", "text", url, "marks", List.of(Map.of("type", "link", "attrs", Map.of("href", url))));
  }

  private TrackerIssue issue(String key) {
    return new TrackerIssue(key, base() + "/browse/" + key);
  }

  private java.net.http.HttpRequest.Builder authorized(URI uri) {
    return http.request(uri).header("Authorization", authorization);
  }

  private String base() {
    return jira.baseUrl().toString().replaceAll("/+$", "");
  }

  private URI uri(String path) {
    return URI.create(base() + path);
  }
}
