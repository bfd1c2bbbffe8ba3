package dev.escalation.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.app.security.EmbeddedDemoMode;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Outside embedded mode an enabled chat needs its own secret; embedded mode signs with a demo key. */
class ChatSecretTest {
  private static final String GOOD_SECRET = "a-chat-secret-of-at-least-32-characters";

  private static ObjectProvider<EmbeddedDemoMode> production() {
    return new StaticListableBeanFactory().getBeanProvider(EmbeddedDemoMode.class);
  }

  private static ObjectProvider<EmbeddedDemoMode> embedded() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("demo", new EmbeddedDemoMode() {});
    return beans.getBeanProvider(EmbeddedDemoMode.class);
  }

  private static ChatProperties chat(boolean enabled, String secret) {
    return new ChatProperties(enabled, secret, null, null, null, List.of(), null, null);
  }

  @Test
  void theProductionAppRefusesToStartWithAnEnabledChatAndNoSecret() {
    assertThatThrownBy(() -> start(Map.of("escalation.chat.enabled", "true")).close())
        .hasStackTraceContaining("Refusing to start: the live chat is enabled (escalation.chat.enabled) but no secret signs"
            + " its conversation tokens: set CHAT_SECRET (escalation.chat.secret, at least 32 characters) or disable the chat.");
  }

  @Test
  void aShortSecretOrTheDemoSecretIsRefusedOutsideEmbeddedMode() {
    assertThatThrownBy(() -> new ChatTokens(chat(true, "short"), production(), Clock.systemUTC()))
        .hasMessage("Refusing to start: CHAT_SECRET (escalation.chat.secret) must have at least 32 characters.");
    assertThatThrownBy(() -> new ChatTokens(chat(true, ChatTokens.DEMO_SECRET), production(), Clock.systemUTC()))
        .hasMessage("Refusing to start: CHAT_SECRET (escalation.chat.secret) is embedded mode's demo secret.");
  }

  @Test
  void embeddedModeSignsWithTheDemoKeyWithoutASetting() {
    ChatTokens embeddedTokens = new ChatTokens(chat(true, ""), embedded(), Clock.systemUTC());
    ChatTokens demoKeyTokens = new ChatTokens(chat(true, ChatTokens.DEMO_SECRET), embedded(), Clock.systemUTC());
    String token = embeddedTokens.issue("0f8fad5b-d9cb-469f-a165-70867728950e").token();

    assertThat(demoKeyTokens.verify(token)).contains("0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsNotAccepted() {
    ChatTokens ours = new ChatTokens(chat(true, GOOD_SECRET), production(), Clock.systemUTC());
    ChatTokens theirs = new ChatTokens(chat(true, GOOD_SECRET + "-other"), production(), Clock.systemUTC());
    String token = theirs.issue("0f8fad5b-d9cb-469f-a165-70867728950e").token();

    assertThat(theirs.verify(token)).isPresent();
    assertThat(ours.verify(token)).isEmpty();
  }

  @Test
  void aDisabledChatWithoutSecretStartsAndAcceptsNoToken() {
    ChatTokens off = new ChatTokens(chat(false, ""), production(), Clock.systemUTC());

    assertThat(off.verify(new ChatTokens(chat(true, GOOD_SECRET), production(), Clock.systemUTC())
        .issue("0f8fad5b-d9cb-469f-a165-70867728950e").token())).isEmpty();
  }

  private static ConfigurableApplicationContext start(Map<String, Object> settings) {
    Map<String, Object> runtime = new HashMap<>(EmbeddedRuntime.start(0));
    runtime.put("spring.datasource.url", EmbeddedMariaDb.jdbcUrl("escalation_chat_secret"));
    runtime.put("spring.flyway.locations", "classpath:db/migration");
    runtime.putAll(settings);
    return new SpringApplicationBuilder(EscalationApplication.class)
        .initializers(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("production", runtime)))
        .run("--server.port=0", "--camunda.client.worker.defaults.enabled=false", "--escalation.outbox.enabled=false");
  }
}
