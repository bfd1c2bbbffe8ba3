package dev.escalation.app.fault;

import dev.escalation.app.EscalationApplication;
import dev.escalation.app.embedded.EmbeddedRuntimeConfiguration;
import dev.escalation.app.embedded.EmbeddedRuntimeInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real app on a random port with the embedded runtime (in-memory engine, MariaDB, SMTP), as
 * in the end-to-end tests but with the real workers only. Fault tests run in a JVM of their own
 * (the {@code fault-tests} surefire execution), so what they break never reaches the shared
 * end-to-end context. Each class gets an app of its own, closed after the class, so that no app
 * keeps running (and taking jobs) while the next fault test runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = {EscalationApplication.class, EmbeddedRuntimeConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "escalation.outbox.poll-interval=PT0.2S")
@ContextConfiguration(initializers = EmbeddedRuntimeInitializer.class)
@DirtiesContext
public @interface FaultAppTest {}
