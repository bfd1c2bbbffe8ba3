package dev.escalation.app.embedded;

import dev.escalation.workers.testsupport.EmbeddedMailServer;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts that stand in for a Camunda cluster, a database server and a mail server on a
 * developer's machine: the in-memory Zeebe engine (Camunda License 1.0, development and testing
 * only, hence on the test classpath), a real MariaDB binary, and a local SMTP server.
 *
 * <p>Each start is a fresh one: the engine lives in memory, so the database (in a temporary folder)
 * must not outlive it, or the ledger would describe process instances that no longer exist.
 * {@link #stop()}, or the end of the JVM, deletes that folder.
 */
public final class EmbeddedRuntime {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);
  private static ZeebeTestEngine engine;
  private static EmbeddedMailServer mail;
  private static FakePaymentProvider payments;
  private static LocalMessagingProviders messaging;
  private static final EngineClock CLOCK = new EngineClock();
  private static Map<String, Object> properties;
  /** C1: the support mailbox the app reads over IMAP; customers write to its address through the local SMTP server. */
  public static final EmbeddedMailServer.Mailbox SUPPORT_MAILBOX =
      new EmbeddedMailServer.Mailbox("support@escalation.local", "support@escalation.local", "local-mailbox");
  /** The IMAP port of a local run (SMTP is 3025). */
  public static final int IMAP_PORT = 3143;

  private EmbeddedRuntime() {}

  /** Starts everything once per JVM and returns the Spring properties that point the app at it. */
  public static synchronized Map<String, Object> start(int smtpPort) {
    if (properties != null) {
      return properties;
    }
    engine = EngineFactory.create();
    engine.start();
    mail = new EmbeddedMailServer("127.0.0.1", smtpPort)
        .withImap(smtpPort == 0 ? 0 : IMAP_PORT, SUPPORT_MAILBOX)
        .start();
    payments = new FakePaymentProvider().start();
    messaging = new LocalMessagingProviders().start();
    String jdbcUrl = EmbeddedMariaDb.jdbcUrl("escalation");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", jdbcUrl);
    p.put("spring.datasource.username", EmbeddedMariaDb.username());
    p.put("spring.datasource.password", EmbeddedMariaDb.password());
    p.put("spring.flyway.locations", "classpath:db/migration,classpath:db/demo");
    p.put("camunda.client.enabled", "true");
    p.put("camunda.client.mode", "self-managed");
    p.put("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
    p.put("camunda.client.rest-address", "http://" + engine.getGatewayAddress());
    p.put("camunda.client.prefer-rest-over-grpc", "false");
    // The first deployment (three processes, the authority DMN, two forms) warms up the in-memory engine's
    // BPMN, FEEL and DMN machinery; on a loaded 2-core machine that took longer than the default 10 s.
    p.put("camunda.client.request-timeout", "PT30S");
    p.put("camunda.client.worker.defaults.request-timeout", "PT10S");
    p.put("spring.mail.host", mail.host());
    p.put("spring.mail.port", String.valueOf(mail.port()));
    p.put("escalation.mailbox.enabled", "true");
    p.put("escalation.mailbox.host", mail.host());
    p.put("escalation.mailbox.port", String.valueOf(mail.imapPort()));
    p.put("escalation.mailbox.username", SUPPORT_MAILBOX.login());
    p.put("escalation.mailbox.password", SUPPORT_MAILBOX.password());
    p.put("escalation.mailbox.poll-interval", "PT1S");
    p.put("escalation.operate.base-url", "");
    p.put("escalation.payments.base-url", payments.baseUrl());
    p.put("escalation.payments.api-key", FakePaymentProvider.API_KEY);
    p.put("escalation.channels.telegram.bot-token", LocalMessagingProviders.TELEGRAM_BOT_TOKEN);
    p.put("escalation.channels.telegram.webhook-secret", LocalMessagingProviders.TELEGRAM_WEBHOOK_SECRET);
    p.put("escalation.channels.telegram.api-base-url", messaging.baseUrl());
    p.put("escalation.channels.whatsapp.access-token", LocalMessagingProviders.WHATSAPP_ACCESS_TOKEN);
    p.put("escalation.channels.whatsapp.phone-number-id", LocalMessagingProviders.WHATSAPP_PHONE_NUMBER_ID);
    p.put("escalation.channels.whatsapp.app-secret", LocalMessagingProviders.WHATSAPP_APP_SECRET);
    p.put("escalation.channels.whatsapp.verify-token", LocalMessagingProviders.WHATSAPP_VERIFY_TOKEN);
    p.put("escalation.channels.whatsapp.graph-base-url", messaging.baseUrl());
    p.put("escalation.channels.instagram.access-token", LocalMessagingProviders.INSTAGRAM_ACCESS_TOKEN);
    p.put("escalation.channels.instagram.account-id", LocalMessagingProviders.INSTAGRAM_ACCOUNT_ID);
    p.put("escalation.channels.instagram.app-secret", LocalMessagingProviders.INSTAGRAM_APP_SECRET);
    p.put("escalation.channels.instagram.verify-token", LocalMessagingProviders.INSTAGRAM_VERIFY_TOKEN);
    p.put("escalation.channels.instagram.graph-base-url", messaging.baseUrl());
    properties = Map.copyOf(p);
    log.info("Embedded runtime: in-memory engine at {}, a new MariaDB database in {} (127.0.0.1 only), SMTP on port {}."
        + " Everything starts fresh and is discarded when the app stops.", engine.getGatewayAddress(), EmbeddedMariaDb.folder(),
        mail.port());
    return properties;
  }

  /** Stops everything and deletes the database with its folder; a later {@link #start(int)} starts afresh. */
  public static synchronized void stop() {
    if (properties == null) {
      return;
    }
    properties = null;
    try {
      engine.stop();
      mail.stop();
      payments.stop();
      messaging.stop();
    } finally {
      EmbeddedMariaDb.shutdown();
      CLOCK.reset();
    }
  }

  public static ZeebeTestEngine engine() {
    return engine;
  }

  public static EmbeddedMailServer mail() {
    return mail;
  }

  public static LocalMessagingProviders messaging() {
    return messaging;
  }

  public static FakePaymentProvider payments() {
    return payments;
  }

  public static EngineClock clock() {
    return CLOCK;
  }
}
