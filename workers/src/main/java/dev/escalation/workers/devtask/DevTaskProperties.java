package dev.escalation.workers.devtask;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * N3 configuration, under {@code escalation.dev-tasks}. Tokens and secrets come from the environment
 * (see docs/dev-tasks-and-paging.md), never from the repository.
 *
 * @param tracker where dev tasks are filed: INTERNAL (default), GITHUB or JIRA
 * @param ticketLinkBase the app's public address; a dev task links back to {@code {base}/#/tickets/{id}}
 * @param timeout connect and read timeout of tracker calls
 */
@ConfigurationProperties("escalation.dev-tasks")
public record DevTaskProperties(Tracker tracker, URI ticketLinkBase, Duration timeout, Github github, Jira jira) {

  public DevTaskProperties {
    tracker = tracker == null ? Tracker.INTERNAL : tracker;
    ticketLinkBase = ticketLinkBase == null ? URI.create("http://localhost:8080") : ticketLinkBase;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    github = github == null ? new Github(null, null, null, null, null, null) : github;
    jira = jira == null ? new Jira(null, null, null, null, null, null, null) : jira;
  }

  public String ticketUrl(long ticketId) {
    return appUrl("/#/tickets/" + ticketId);
  }

  public String appUrl(String path) {
    return ticketLinkBase.toString().replaceAll("/+$", "") + path;
  }

  /**
   * @param apiUrl {@code https://api.github.com}, or a GitHub Enterprise API address
   * @param owner the repository's owner (user or organisation)
   * @param repo the repository's name
   * @param token a fine-grained token with "Issues: read and write" on the repository (env GITHUB_TOKEN)
   * @param webhookSecret the secret set on the repository's webhook; signs X-Hub-Signature-256 (env GITHUB_WEBHOOK_SECRET)
   * @param labels labels every dev task gets besides its marker
   */
  public record Github(URI apiUrl, String owner, String repo, String token, String webhookSecret, List<String> labels) {
    public Github {
      apiUrl = apiUrl == null ? URI.create("https://api.github.com") : apiUrl;
      labels = labels == null ? List.of("bug") : List.copyOf(labels);
    }
  }

  /**
   * @param baseUrl the site, {@code https://your-team.atlassian.net}
   * @param email the e-mail of the Atlassian account the API token belongs to
   * @param apiToken an Atlassian API token (env JIRA_API_TOKEN)
   * @param projectKey the project dev tasks go to, e.g. {@code SUP}
   * @param issueType the issue type to create, default {@code Bug}
   * @param webhookSecret shared secret the Jira webhook URL carries as {@code ?token=} (env JIRA_WEBHOOK_SECRET)
   * @param labels labels every dev task gets besides its marker
   */
  public record Jira(URI baseUrl, String email, String apiToken, String projectKey, String issueType, String webhookSecret,
      List<String> labels) {
    public Jira {
      issueType = issueType == null ? "Bug" : issueType;
      labels = labels == null ? List.of("escalation") : List.copyOf(labels);
    }
  }
}
