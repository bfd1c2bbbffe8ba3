package dev.escalation.app.e2e;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import dev.escalation.workers.survey.SurveyProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real app on a random port, with the in-memory engine, a real MariaDB and a local SMTP
 * server. One context (and one engine clock) is shared by every end-to-end test class.
 * The escalation notice worker is replaced by one that crashes after its side effect on every
 * first delivery (see {@link CrashOnFirstDelivery}), so every escalation exercises redelivery.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = {EscalationApplication.class, EmbeddedRuntimeConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "escalation.outbox.poll-interval=PT0.2S",
      "camunda.client.worker.override.notify-customer-of-escalation.enabled=false",
      "spring.main.allow-bean-definition-overriding=true",
      "escalation.dev-tasks.github.webhook-secret=e2e-github-secret",
      "escalation.dev-tasks.jira.webhook-secret=e2e-jira-secret",
      // M8 and the digest run when their tests call them, not on a schedule over the other tests' tickets
      "escalation.alerts.enabled=false",
      "escalation.digest.enabled=false",
      "escalation.surveys.signing-secret=" + SurveyProperties.DEMO_SECRET,
      // live chat: every test starts its chats from 127.0.0.1; ChatApiTest reaches the message limit on purpose
      "escalation.chat.starts.limit=500",
      "escalation.chat.starts.per=PT10M",
      "escalation.chat.messages.limit=6",
      "escalation.chat.messages.per=PT1M",
      "escalation.chat.stream-poll-interval=PT0.2S"
    })
@ContextConfiguration(initializers = EmbeddedRuntimeInitializer.class)
@Import(CrashOnFirstDelivery.class)
public @interface EmbeddedAppTest {}
