package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import dev.escalation.workers.testsupport.MariaDbServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Embedded mode starts fresh and tidies up (issue 11): stopping the runtime stops the engine, the
 * mail server and MariaDB and deletes the database's folder; the next start has an empty database.
 */
class EmbeddedRuntimeLifecycleTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void stoppingTheRuntimeLeavesNoFolderBehindAndTheNextStartIsAFreshOne() throws Exception {
    EmbeddedRuntime.stop(); // whatever an earlier test of this JVM left running

    Map<String, Object> first = EmbeddedRuntime.start(0);
    Path folder = EmbeddedMariaDb.folder();
    assertThat(folder).isDirectory().hasParent(TMP);
    assertThat(databaseFolders()).contains(folder);
    String url = (String) first.get("spring.datasource.url");
    String user = (String) first.get("spring.datasource.username");
    String password = (String) first.get("spring.datasource.password");
    int smtpPort = Integer.parseInt((String) first.get("spring.mail.port"));
    try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE left_from_the_first_run (id INT)");
    }

    EmbeddedRuntime.stop();
    assertThat(folder).doesNotExist();
    assertThat(databaseFolders()).doesNotContain(folder);
    assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close()).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(smtpPort)).isInstanceOf(ConnectException.class);

    Map<String, Object> second = EmbeddedRuntime.start(0);
    assertThat(EmbeddedMariaDb.folder()).isNotEqualTo(folder);
    assertThat(second.get("spring.datasource.password")).isNotEqualTo(password);
    try (Connection connection = DriverManager.getConnection((String) second.get("spring.datasource.url"),
            (String) second.get("spring.datasource.username"), (String) second.get("spring.datasource.password"));
        Statement sql = connection.createStatement();
        ResultSet tables = sql.executeQuery("SHOW TABLES")) {
      assertThat(tables.next()).as("a table in the new database").isFalse();
    }
    assertThat(EmbeddedRuntime.clock().offset()).isZero();
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }

  /** The embedded MariaDB folders in java.io.tmpdir (other JVMs on this machine may have theirs). */
  private static Set<Path> databaseFolders() throws IOException {
    try (Stream<Path> all = Files.list(TMP)) {
      return all.filter(p -> p.getFileName().toString().startsWith(MariaDbServer.FOLDER_PREFIX)).collect(Collectors.toSet());
    }
  }
}
