package dev.escalation.app.embedded;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Embedded mode's stand-in for the messaging providers, so a Telegram conversation works end to end
 * without the internet: the Bot API's {@code sendMessage} for the embedded bot, answering as
 * Telegram does. What the app sent stays readable ({@link #server()}).
 */
public final class LocalMessagingProviders {
  public static final String TELEGRAM_BOT_TOKEN = "100000:embedded-bot-token";
  public static final String TELEGRAM_WEBHOOK_SECRET = "embedded-telegram-secret";

  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

  LocalMessagingProviders start() {
    server.start();
    server.stubFor(post(urlEqualTo("/bot" + TELEGRAM_BOT_TOKEN + "/sendMessage"))
        .withRequestBody(matchingJsonPath("$.chat_id"))
        .withRequestBody(matchingJsonPath("$.text"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"ok\": true, \"result\": {\"message_id\": {{randomInt lower=1 upper=1000000}},"
                + " \"chat\": {\"id\": {{jsonPath request.body '$.chat_id'}}, \"type\": \"private\"}}}")));
    return this;
  }

  void stop() {
    server.stop();
  }

  public WireMockServer server() {
    return server;
  }

  public String baseUrl() {
    return server.baseUrl();
  }
}
