package dev.escalation.workers.devtask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.workers.job.ConfigurationFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Issues: {@code POST /repos/{owner}/{repo}/issues}. Every issue carries the ticket's marker
 * label; before a retried job creates anything it lists the repository's issues with that label
 * (the issues list is consistent at once, unlike the search API).
 */
class GithubTrackerAdapter implements TrackerAdapter {
  static final String API_VERSION = "2022-11-28";

  private final DevTaskProperties.Github github;
  private final TrackerHttp http;

  GithubTrackerAdapter(DevTaskProperties properties) {
    this.github = properties.github();
    require(github.owner(), "escalation.dev-tasks.github.owner");
    require(github.repo(), "escalation.dev-tasks.github.repo");
    require(github.token(), "escalation.dev-tasks.github.token (env GITHUB_TOKEN)");
    String repo = github.owner() + "/" + github.repo();
    this.http = new TrackerHttp(properties.timeout(), new TrackerHttp.Settings("GitHub",
        "set escalation.dev-tasks.github.token (env GITHUB_TOKEN) to a token that may read and write issues of " + repo,
        "check escalation.dev-tasks.github.owner and escalation.dev-tasks.github.repo (now " + repo
            + ") and that the token can see that repository"));
  }

  static void require(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationFailure(setting + " is not set but escalation.dev-tasks.tracker needs it",
          "set " + setting + ", or set escalation.dev-tasks.tracker=INTERNAL");
    }
  }

  @Override
  public Tracker tracker() {
    return Tracker.GITHUB;
  }

  @Override
  public Optional<TrackerIssue> find(IssueDraft draft) {
    URI uri = repoUri("/issues?state=all&per_page=10&labels=" + URLEncoder.encode(draft.marker(), StandardCharsets.UTF_8));
    JsonNode issues = http.send(authorized(uri).GET().build(), "listing issues labelled " + draft.marker());
    for (JsonNode issue : issues) {
      if (!issue.has("pull_request")) {
        return Optional.of(issue(issue));
      }
    }
    return Optional.empty();
  }

  @Override
  public TrackerIssue create(IssueDraft draft) {
    List<String> labels = new ArrayList<>(github.labels());
    labels.add(draft.marker());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", draft.title());
    body.put("body", draft.markdown());
    body.put("labels", labels);
    JsonNode created = http.send(authorized(repoUri("/issues")).header("Content-Type", "application/json")
        .POST(TrackerHttp.json(body)).build(), "creating an issue for ticket " + draft.ticketId());
    return issue(created);
  }

  private TrackerIssue issue(JsonNode issue) {
    return new TrackerIssue(key(github.owner(), github.repo(), issue.path("number").asLong()), issue.path("html_url").asText());
  }

  static String key(String owner, String repo, long number) {
    return owner + "/" + repo + "#" + number;
  }

  private java.net.http.HttpRequest.Builder authorized(URI uri) {
    return http.request(uri)
        .header("Accept", "application/vnd.github+json")
        .header("Authorization", "Bearer " + github.token())
        .header("X-GitHub-Api-Version", API_VERSION);
  }

  private URI repoUri(String path) {
    String base = github.apiUrl().toString().replaceAll("/+$", "");
    return URI.create(base + "/repos/" + enc(github.owner()) + "/" + enc(github.repo()) + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
