package dev.escalation.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without configured frame origins nobody may frame the chat page, and the page is CSP-clean (no inline script or style). */
@EmbeddedAppTest
class ChatFramingTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The chat page's policy up to its frame-ancestors: scripts, styles and requests from this app only. */
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";

  @LocalServerPort int port;

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutFrameOriginsThePageMayNotBeFramedAndHasNoInlineScriptOrStyle() throws Exception {
    HttpResponse<String> page = get("/chat");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(PAGE_POLICY + "'none'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/chat/chat.js\"></script>")
        .doesNotContain("<style").doesNotContain("style=").doesNotContain("<script>");
    HttpResponse<String> api = get("/api/chat/conversation");
    assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    assertThat(api.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(get("/chat/widget.js").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
  }
}
