package dev.escalation.workers.whatsapp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WhatsApp Business Platform Cloud API ({@code escalation.channels.whatsapp.*}); see docs/channels.md.
 *
 * @param accessToken the system user's access token for the Graph API (secret)
 * @param phoneNumberId the business phone number's id; messages go out from it
 * @param appSecret the Meta app's secret: every webhook delivery is signed with it ({@code X-Hub-Signature-256}) (secret)
 * @param verifyToken the token typed into the app dashboard; answers the webhook's verification handshake (secret)
 * @param templateName an approved message template sent when the 24-hour window is closed; blank for none
 * @param templateLanguage that template's language code (default en_US)
 * @param graphBaseUrl the Graph API (default https://graph.facebook.com)
 * @param apiVersion the Graph API version in the path (default v21.0)
 * @param timeout how long one send may take
 */
@ConfigurationProperties("escalation.channels.whatsapp")
public record WhatsAppProperties(String accessToken, String phoneNumberId, String appSecret, String verifyToken,
    String templateName, String templateLanguage, URI graphBaseUrl, String apiVersion, Duration timeout) {
  /** A text message's body: at most 4096 characters (Cloud API). */
  public static final int TEXT_LIMIT = 4096;
  /** C2: free-form messages only within 24 hours of the customer's last message. */
  public static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);

  public WhatsAppProperties {
    accessToken = blankToEmpty(accessToken);
    phoneNumberId = blankToEmpty(phoneNumberId);
    appSecret = blankToEmpty(appSecret);
    verifyToken = blankToEmpty(verifyToken);
    templateName = blankToEmpty(templateName);
    templateLanguage = templateLanguage == null || templateLanguage.isBlank() ? "en_US" : templateLanguage.strip();
    graphBaseUrl = graphBaseUrl == null ? URI.create("https://graph.facebook.com") : graphBaseUrl;
    apiVersion = apiVersion == null || apiVersion.isBlank() ? "v21.0" : apiVersion.strip();
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
