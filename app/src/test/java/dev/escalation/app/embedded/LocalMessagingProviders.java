package dev.escalation.app.embedded;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Embedded mode's stand-in for the messaging providers, so a Telegram conversation works end to end
 * without the internet: the Bot API's {@code sendMessage} for the embedded bot, and the Graph
 * API's {@code /{id}/messages} for the embedded WhatsApp number and Instagram account, each answering
 * as the provider does. What the app sent stays readable ({@link #server()}).
 */
public final class LocalMessagingProviders {
  public static final String TELEGRAM_BOT_TOKEN = "100000:embedded-bot-token";
  public static final String TELEGRAM_WEBHOOK_SECRET = "embedded-telegram-secret";
  public static final String WHATSAPP_PHONE_NUMBER_ID = "100000000000001";
  public static final String WHATSAPP_ACCESS_TOKEN = "embedded-whatsapp-token";
  public static final String WHATSAPP_APP_SECRET = "embedded-whatsapp-app-secret";
  public static final String WHATSAPP_VERIFY_TOKEN = "embedded-whatsapp-verify";
  public static final String INSTAGRAM_ACCOUNT_ID = "17800000000000001";
  public static final String INSTAGRAM_ACCESS_TOKEN = "embedded-instagram-token";
  public static final String INSTAGRAM_APP_SECRET = "embedded-instagram-app-secret";
  public static final String INSTAGRAM_VERIFY_TOKEN = "embedded-instagram-verify";

  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

  LocalMessagingProviders start() {
    server.start();
    server.stubFor(post(urlEqualTo("/bot" + TELEGRAM_BOT_TOKEN + "/sendMessage"))
        .withRequestBody(matchingJsonPath("$.chat_id"))
        .withRequestBody(matchingJsonPath("$.text"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"ok\": true, \"result\": {\"message_id\": {{randomInt lower=1 upper=1000000}},"
                + " \"chat\": {\"id\": {{jsonPath request.body '$.chat_id'}}, \"type\": \"private\"}}}")));
    server.stubFor(post(urlEqualTo("/v21.0/" + WHATSAPP_PHONE_NUMBER_ID + "/messages"))
        .withHeader("Authorization", equalTo("Bearer " + WHATSAPP_ACCESS_TOKEN))
        .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
        .withRequestBody(matchingJsonPath("$.to"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"messaging_product\": \"whatsapp\", \"contacts\": [{\"input\": \"{{jsonPath request.body '$.to'}}\","
                + " \"wa_id\": \"{{jsonPath request.body '$.to'}}\"}], \"messages\": [{\"id\": \"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));
    server.stubFor(post(urlEqualTo("/v21.0/" + INSTAGRAM_ACCOUNT_ID + "/messages"))
        .withHeader("Authorization", equalTo("Bearer " + INSTAGRAM_ACCESS_TOKEN))
        .withRequestBody(matchingJsonPath("$.recipient.id"))
        .withRequestBody(matchingJsonPath("$.message.text"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"recipient_id\": \"{{jsonPath request.body '$.recipient.id'}}\","
                + " \"message_id\": \"{{randomValue length=32 type='ALPHANUMERIC'}}\"}")));
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
