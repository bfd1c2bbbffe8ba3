package dev.escalation.app.chat;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets chat controllers take a {@link ChatCaller}. */
@Configuration(proxyBeanMethods = false)
class ChatWebConfiguration implements WebMvcConfigurer {
  private final ChatCallers callers;

  ChatWebConfiguration(ChatCallers callers) {
    this.callers = callers;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callers);
  }
}
