package dev.escalation.workers.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** A Spring test of the workers module against a real MariaDB, without the engine. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = dev.escalation.workers.WorkersTestApplication.class)
@ContextConfiguration(initializers = EmbeddedMariaDbInitializer.class)
public @interface LedgerTest {}
