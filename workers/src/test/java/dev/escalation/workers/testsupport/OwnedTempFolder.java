package dev.escalation.workers.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder in {@code java.io.tmpdir} that this JVM owns while it holds the lock on the folder's
 * {@value #LOCK} file. The operating system releases that lock when the JVM ends, however it ends,
 * so a folder with a name of this kind ({@code prefix + random}) whose lock nobody holds was left
 * behind by a JVM that was killed: {@link #create(String)} removes such folders first.
 */
final class OwnedTempFolder implements AutoCloseable {
  static final String LOCK = ".owner.lock";
  /** A folder without a lock file is someone's folder being created, unless it is older than this. */
  private static final Duration CREATION_GRACE = Duration.ofMinutes(10);

  private final Path path;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OwnedTempFolder(Path path, FileChannel lockChannel, FileLock lock) {
    this.path = path;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Creates and locks a new folder {@code prefix + random} (owner-only permissions on POSIX systems). */
  static OwnedTempFolder create(String prefix) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try {
      Path folder = Files.createTempDirectory(tmp, prefix);
      FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new OwnedTempFolder(folder, channel, channel.lock());
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a folder in " + tmp, e);
    }
  }

  Path path() {
    return path;
  }

  /** Deletes the folder with everything in it and gives up the ownership. */
  @Override
  public void close() {
    try {
      deleteTree(path);
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException ignored) {
        // the folder is gone; closing the channel of its deleted lock file cannot fail in a way that matters
      }
    }
  }

  /** Deletes the folders of this prefix that no running JVM owns, each after {@code beforeDelete} saw it. */
  static void removeStale(Path tmp, String prefix, Consumer<Path> beforeDelete) {
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, prefix + "*")) {
      for (Path folder : folders) {
        if (Files.isDirectory(folder) && isStale(folder)) {
          beforeDelete.accept(folder);
          deleteTree(folder);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // another JVM may be removing the same folder; what is left is tried again at the next start
    }
  }

  private static boolean isStale(Path folder) throws IOException {
    Path lockFile = folder.resolve(LOCK);
    if (!Files.exists(lockFile)) {
      return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(CREATION_GRACE));
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe == null) {
        return false; // another JVM holds it
      }
      probe.release();
      return true;
    } catch (OverlappingFileLockException ownedByThisJvm) {
      return false;
    } catch (NoSuchFileException gone) {
      return false;
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
