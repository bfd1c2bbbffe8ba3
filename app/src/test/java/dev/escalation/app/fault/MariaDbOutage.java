package dev.escalation.app.fault;

import dev.escalation.workers.testsupport.EmbeddedMariaDb;
import java.lang.reflect.Field;

/**
 * Stops and restarts the shared embedded MariaDB of this JVM (same port, same data directory).
 * {@link EmbeddedMariaDb#stop()} forgets the server it stopped, so that {@link
 * EmbeddedMariaDb#startAgain()} alone has nothing to start: the server is kept here and handed back.
 */
final class MariaDbOutage {
  private static Object stopped;

  private MariaDbOutage() {}

  static synchronized void stop() throws Exception {
    Object running = server().get(null);
    if (running == null) {
      throw new IllegalStateException("the embedded MariaDB is not running");
    }
    EmbeddedMariaDb.stop();
    stopped = running;
  }

  static synchronized boolean isStopped() {
    return stopped != null;
  }

  static synchronized void startAgain() throws Exception {
    if (stopped == null) {
      return;
    }
    Field server = server();
    if (server.get(null) == null) {
      server.set(null, stopped);
    }
    EmbeddedMariaDb.startAgain();
    stopped = null;
  }

  private static Field server() throws NoSuchFieldException {
    Field db = EmbeddedMariaDb.class.getDeclaredField("db");
    db.setAccessible(true);
    return db;
  }
}
