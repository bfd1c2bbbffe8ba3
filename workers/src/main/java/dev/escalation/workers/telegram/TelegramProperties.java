package dev.escalation.workers.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Telegram bot ({@code escalation.channels.telegram.*}); see docs/channels.md.
 *
 * @param botToken the token @BotFather gave the bot (secret); without it nothing is sent
 * @param webhookSecret the {@code secret_token} given to {@code setWebhook}: Telegram sends it in
 *     {@code X-Telegram-Bot-Api-Secret-Token} on every update (secret); without it every update is refused
 * @param apiBaseUrl the Bot API server (default https://api.telegram.org)
 * @param timeout how long one sendMessage call may take
 */
@ConfigurationProperties("escalation.channels.telegram")
public record TelegramProperties(String botToken, String webhookSecret, URI apiBaseUrl, Duration timeout) {
  /** sendMessage: "1-4096 characters after entities parsing" (Bot API). */
  public static final int TEXT_LIMIT = 4096;

  public TelegramProperties {
    botToken = botToken == null ? "" : botToken.strip();
    webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
    apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.telegram.org") : apiBaseUrl;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }
}
