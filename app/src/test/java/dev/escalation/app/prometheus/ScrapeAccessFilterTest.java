package dev.escalation.app.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 14: the local host scrapes without login; another host needs the scrape token (401 without, 403 wrong). */
class ScrapeAccessFilterTest {
  private static final String TOKEN = "a-scrape-token-of-at-least-32-characters";
  private final ScrapeAccessFilter filter = new ScrapeAccessFilter(TOKEN, new ObjectMapper());

  private MockHttpServletResponse scrape(String from, String authorization, ScrapeAccessFilter filter) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
    request.setRemoteAddr(from);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(299); // marks "passed on to the endpoint"
    }
    return response;
  }

  @Test
  void theLocalHostNeedsNoLogin() throws Exception {
    assertThat(scrape("127.0.0.1", null, filter).getStatus()).isEqualTo(299);
    assertThat(scrape("::1", null, filter).getStatus()).isEqualTo(299);
  }

  @Test
  void anotherHostNeedsTheToken() throws Exception {
    assertThat(scrape("10.1.2.3", "Bearer " + TOKEN, filter).getStatus()).isEqualTo(299);
    MockHttpServletResponse none = scrape("10.1.2.3", null, filter);
    assertThat(none.getStatus()).isEqualTo(401);
    assertThat(none.getContentType()).startsWith("application/problem+json");
    assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(scrape("10.1.2.3", "Bearer wrong", filter).getStatus()).isEqualTo(403);
    assertThat(scrape("10.1.2.3", "Basic " + TOKEN, filter).getStatus()).isEqualTo(403);
  }

  @Test
  void withoutAConfiguredTokenNoOtherHostMayScrape() throws Exception {
    ScrapeAccessFilter localOnly = new ScrapeAccessFilter("", new ObjectMapper());
    assertThat(scrape("10.1.2.3", "Bearer ", localOnly).getStatus()).isEqualTo(403);
    assertThat(scrape("10.1.2.3", null, localOnly).getStatus()).isEqualTo(401);
    assertThat(scrape("127.0.0.1", null, localOnly).getStatus()).isEqualTo(299);
  }
}
