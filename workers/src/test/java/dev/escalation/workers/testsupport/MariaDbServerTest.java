package dev.escalation.workers.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB is nobody else's (issue 11): reachable on the loopback address only, no
 * anonymous or password-less logins, the app's account with the password generated at its start.
 * And it tidies up: a folder a killed JVM left behind goes at the next start, a live one stays.
 */
class MariaDbServerTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
  private static Path stale;
  private static Process orphan;
  private static Process stranger;
  private static OwnedTempFolder live;
  private static MariaDbServer server;

  @BeforeAll
  static void start() throws IOException {
    stale = Files.createTempDirectory(TMP, MariaDbServer.FOLDER_PREFIX);
    Files.createFile(stale.resolve(OwnedTempFolder.LOCK)); // its owner is gone: nobody holds the lock
    Files.createDirectories(stale.resolve("data"));
    Files.writeString(stale.resolve("data").resolve("left-over.ibd"), "x");
    // the killed JVM's server, still running: its command line names the folder (here as the shell's $0)
    orphan = new ProcessBuilder("sh", "-c", "while :; do sleep 1; done", stale.resolve("base").toString()).start();
    Files.writeString(stale.resolve("data").resolve("host.pid"), orphan.pid() + "\n");
    // a process the pid file may name after a pid was reused: not the server, so it is left alone
    stranger = new ProcessBuilder("sleep", "120").start();
    Files.writeString(stale.resolve("data").resolve("other-host.pid"), stranger.pid() + "\n");
    live = OwnedTempFolder.create(MariaDbServer.FOLDER_PREFIX); // as another running server holds its own
    server = MariaDbServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (live != null) {
      live.close();
    }
    for (Process process : new Process[] {orphan, stranger}) {
      if (process != null) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void theAppsAccountLogsInWithTheGeneratedPasswordOnTheLoopbackAddressOnly() throws SQLException {
    assertThat(server.password()).hasSizeGreaterThanOrEqualTo(24);
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("accounts_check"), server.username(), server.password());
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "SELECT CURRENT_USER()")).isEqualTo("escalation@127.0.0.1");
      assertThat(single(statement, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
      assertThat(single(statement, "SELECT COUNT(*) FROM mysql.global_priv WHERE User = ''")).isEqualTo("0");
      assertThat(single(statement, "SELECT COUNT(*) FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost'"))
          .as("root accounts reachable over TCP").isEqualTo("0");
    }
  }

  @Test
  void anonymousRootAndWrongPasswordsAreRefused() {
    String url = server.serverUrl();
    assertRefused(url, "nobody", "");
    assertRefused(url, "", "");
    assertRefused(url, "root", "");
    assertRefused(url, "root", "root");
    assertRefused(url, server.username(), "");
    assertRefused(url, server.username(), server.password() + "x");
  }

  @Test
  void theServerDoesNotListenOnTheMachinesOtherAddresses() throws IOException {
    // on a machine without such an address, the bind address checked above is what keeps others out
    for (InetAddress address : nonLoopbackAddresses()) {
      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, server.port()), 2000))
            .as("connect to %s:%d", address.getHostAddress(), server.port())
            .isInstanceOf(ConnectException.class);
      }
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Test
  void aFolderLeftBehindByAKilledJvmIsRemovedWithItsServerAtTheNextStartAndALiveOneStays() {
    assertThat(stale).doesNotExist();
    assertThat(orphan.isAlive()).as("the orphaned server of the stale folder").isFalse();
    assertThat(stranger.isAlive()).as("a process whose command line does not name the folder").isTrue();
    assertThat(live.path()).isDirectory();
    assertThat(server.folder()).isDirectory().hasParent(TMP);
    assertThat(server.folder().getFileName().toString()).startsWith(MariaDbServer.FOLDER_PREFIX);
  }

  private static void assertRefused(String url, String user, String password) {
    assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
        .as("login as '%s'", user)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Access denied");
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (network.isUp() && !network.isLoopback()) {
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address || !address.isLinkLocalAddress()) {
            addresses.add(address);
          }
        }
      }
    }
    return addresses;
  }
}
