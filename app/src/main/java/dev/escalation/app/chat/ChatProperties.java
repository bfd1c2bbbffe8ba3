package dev.escalation.app.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live chat (issue 12), under {@code escalation.chat}.
 *
 * @param enabled whether the chat page and its API answer (default false; embedded mode turns it on)
 * @param secret the HMAC-SHA256 key that signs conversation tokens (env CHAT_SECRET); required when enabled,
 *     except in embedded mode, which signs with a demo key
 * @param tokenValidity how long a conversation token lets the customer come back to the chat (default 30 days)
 * @param starts conversations one client address may start (default 5 per 10 minutes)
 * @param messages messages one conversation may send (default 30 per minute)
 * @param frameOrigins the websites that may show the chat page in a frame (the widget), e.g.
 *     {@code https://www.example.com}; none by default, so no site may frame it
 * @param streamPollInterval how often open chat streams look for new entries (default 500 ms)
 * @param streamTimeout how long one stream stays open before the browser reconnects (default 30 minutes)
 */
@ConfigurationProperties("escalation.chat")
public record ChatProperties(boolean enabled, String secret, Duration tokenValidity, RateLimit starts, RateLimit messages,
    List<String> frameOrigins, Duration streamPollInterval, Duration streamTimeout) {
  /** The shortest secret accepted. */
  public static final int MIN_SECRET_LENGTH = 32;

  /** At most {@code limit} requests per {@code per}. */
  public record RateLimit(int limit, Duration per) {
    public RateLimit {
      if (limit < 1 || per == null || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a chat rate limit needs a positive limit and period: " + limit + " per " + per);
      }
    }
  }

  public ChatProperties {
    secret = secret == null ? "" : secret.strip();
    tokenValidity = tokenValidity == null ? Duration.ofDays(30) : tokenValidity;
    starts = starts == null ? new RateLimit(5, Duration.ofMinutes(10)) : starts;
    messages = messages == null ? new RateLimit(30, Duration.ofMinutes(1)) : messages;
    frameOrigins = frameOrigins == null ? List.of() : frameOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    streamPollInterval = streamPollInterval == null ? Duration.ofMillis(500) : streamPollInterval;
    streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    for (String origin : frameOrigins) {
      if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
        throw new IllegalArgumentException("escalation.chat.frame-origins takes origins such as https://www.example.com: " + origin);
      }
    }
  }
}
