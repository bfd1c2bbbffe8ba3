package dev.escalation.app.fault;

import dev.escalation.workers.testsupport.EmbeddedMariaDb;

/** Stops and restarts the shared embedded MariaDB of this JVM (same port, same data directory). */
final class MariaDbOutage {
  private static boolean stopped;

  private MariaDbOutage() {}

  static synchronized void stop() {
    EmbeddedMariaDb.stop();
    stopped = true;
  }

  static synchronized boolean isStopped() {
    return stopped;
  }

  static synchronized void startAgain() {
    if (!stopped) {
      return;
    }
    EmbeddedMariaDb.startAgain();
    stopped = false;
  }
}
