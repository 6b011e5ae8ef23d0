package ssmlab.experiment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ssmlab.io.AtomicFile;

/**
 * An exclusive lock on a file, between processes and between the threads of this JVM. The
 * operating system's lock ({@link FileChannel#tryLock}) dies with its process, so a killed sweep
 * never leaves a lock that blocks the next one. The lock file itself stays (deleting it would let
 * two processes lock two different files of one name).
 */
final class FileLock implements AutoCloseable {
  /** The files this JVM holds: a second channel on one of them could release its lock on close. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
  private static final long POLL_MILLIS = 20;

  private final Path file;
  private final FileChannel channel;

  private FileLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** The lock on {@code file} (created if need be), or empty when another holds it. */
  static Optional<FileLock> tryLock(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    try {
      AtomicFile.createFolders(key.getParent());
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        HELD.remove(key);
        return Optional.empty();
      }
      return Optional.of(new FileLock(key, channel));
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  /** The lock on {@code file}, waiting while another holds it. */
  static FileLock lock(Path file) throws IOException, InterruptedException {
    while (true) {
      Optional<FileLock> lock = tryLock(file);
      if (lock.isPresent()) {
        return lock.get();
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      HELD.remove(file);
    }
  }
}
