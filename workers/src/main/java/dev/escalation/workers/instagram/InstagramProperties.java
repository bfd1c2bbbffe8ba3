package dev.escalation.workers.instagram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instagram direct messages through Meta's messaging API ({@code escalation.channels.instagram.*}); see docs/channels.md.
 *
 * @param accessToken the Page (or Instagram user) access token with instagram_manage_messages (secret)
 * @param accountId the id messages are sent from: the linked Facebook Page's id, or the Instagram professional account's
 * @param appSecret the Meta app's secret: every webhook delivery is signed with it ({@code X-Hub-Signature-256}) (secret)
 * @param verifyToken the token typed into the app dashboard; answers the webhook's verification handshake (secret)
 * @param graphBaseUrl the Graph API (default https://graph.facebook.com)
 * @param apiVersion the Graph API version in the path (default v21.0)
 * @param timeout how long one send may take
 */
@ConfigurationProperties("escalation.channels.instagram")
public record InstagramProperties(String accessToken, String accountId, String appSecret, String verifyToken,
    URI graphBaseUrl, String apiVersion, Duration timeout) {
  /** "Message text must be UTF-8 and be a 1000 bytes or less" (Instagram messaging). */
  public static final int TEXT_BYTES = 1000;

  public InstagramProperties {
    accessToken = accessToken == null ? "" : accessToken.strip();
    accountId = accountId == null ? "" : accountId.strip();
    appSecret = appSecret == null ? "" : appSecret.strip();
    verifyToken = verifyToken == null ? "" : verifyToken.strip();
    graphBaseUrl = graphBaseUrl == null ? URI.create("https://graph.facebook.com") : graphBaseUrl;
    apiVersion = apiVersion == null || apiVersion.isBlank() ? "v21.0" : apiVersion.strip();
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }
}
