package dev.escalation.workers.testsupport;

import java.nio.file.Path;

/**
 * The {@link MariaDbServer} of this JVM, started at the first use and shared; each caller gets its
 * own database and connects with {@link #username()} and {@link #password()}. It stops and its
 * folder is deleted when the JVM ends, or before with {@link #shutdown()}.
 */
public final class EmbeddedMariaDb {
  private static MariaDbServer server;
  private static boolean hookRegistered;

  private EmbeddedMariaDb() {}

  /** The URL of the database (created when missing); the credentials are {@link #username()} and {@link #password()}. */
  public static synchronized String jdbcUrl(String database) {
    return server().jdbcUrl(database);
  }

  public static synchronized String username() {
    return server().username();
  }

  public static synchronized String password() {
    return server().password();
  }

  /** The running server's folder (see {@link MariaDbServer#folder()}). */
  public static synchronized Path folder() {
    return server().folder();
  }

  /** Stops the server process only (a database outage); {@link #startAgain()} brings it back with its data. */
  public static synchronized void stop() {
    if (server == null) {
      throw new IllegalStateException("the embedded MariaDB was not started");
    }
    server.stop();
  }

  public static synchronized void startAgain() {
    if (server == null) {
      throw new IllegalStateException("the embedded MariaDB was not started");
    }
    server.startAgain();
  }

  /** Stops the server and deletes its folder; the next use starts a new, empty one. */
  public static synchronized void shutdown() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private static MariaDbServer server() {
    if (server == null) {
      server = MariaDbServer.start();
      if (!hookRegistered) {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::shutdown, "embedded-mariadb-shutdown"));
        hookRegistered = true;
      }
    }
    return server;
  }
}
