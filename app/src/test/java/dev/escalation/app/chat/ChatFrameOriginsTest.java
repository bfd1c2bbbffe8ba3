package dev.escalation.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The production app with the chat enabled and frame origins set (as an operator configures the widget):
 * only the chat page may be framed, and only by those origins; everything else stays unframeable.
 */
class ChatFrameOriginsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void onlyTheChatPageMayBeFramedAndOnlyByTheConfiguredOrigins() throws Exception {
    Map<String, Object> runtime = new HashMap<>(EmbeddedRuntime.start(0));
    runtime.put("spring.datasource.url", EmbeddedMariaDb.jdbcUrl("escalation_chat_frames"));
    runtime.put("spring.flyway.locations", "classpath:db/migration");
    runtime.put("escalation.chat.enabled", "true");
    runtime.put("escalation.chat.secret", "a-production-chat-secret-of-40-characters");
    runtime.put("escalation.chat.frame-origins", "https://shop.example.com, https://www.example.org:8443");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EscalationApplication.class)
        .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("production", runtime)))
        .run("--server.port=0", "--camunda.client.worker.defaults.enabled=false", "--escalation.outbox.enabled=false")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      HttpResponse<String> page = get(port, "/chat");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .contains(ChatFramingTest.PAGE_POLICY + "https://shop.example.com https://www.example.org:8443");
      assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
      for (String path : new String[] {"/api/chat/conversation", "/login", "/"}) {
        HttpResponse<String> other = get(port, path);
        assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path).contains("frame-ancestors 'none'");
        assertThat(other.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      }
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
