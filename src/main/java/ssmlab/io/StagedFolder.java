package ssmlab.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder written beside its final place ({@code .<name>.<random>.tmp}) and swapped in whole
 * at the end, so a reader sees the old folder or the new one, never a mix. An existing folder
 * that is not empty is replaced only when asked to; until the swap it stays as it was.
 *
 * <p>While it is written, the temporary folder holds an OS lock on its {@value #LOCK} file (the
 * kernel drops it when the process dies), so the next job for the same target deletes what a
 * killed one left ({@code .<name>.*.tmp} whose lock is free) and leaves a running one alone.
 */
public final class StagedFolder {
  static final String LOCK = ".staging.lock";
  /** A temporary folder without a lock file younger than this may be one being created. */
  private static final long UNLOCKED_GRACE_MILLIS = 60_000;

  private final Path target;
  private final Path temp;
  private final FileChannel lockChannel;

  private StagedFolder(Path target, Path temp, FileChannel lockChannel) {
    this.target = target;
    this.temp = temp;
    this.lockChannel = lockChannel;
  }

  /**
   * Starts writing {@code target}: checks it may be written and creates the temporary folder
   * beside it (a symbolic link to a folder is followed; the folder it names is replaced).
   *
   * @param overwrite whether a folder that is not empty may be replaced
   * @param overwriteOption how the user asks for that, named in the refusal
   * @throws IllegalArgumentException when {@code target} holds something and may not be replaced
   */
  public static StagedFolder begin(Path target, boolean overwrite, String overwriteOption)
      throws IOException {
    if (target.toString().isEmpty()) {
      throw new IllegalArgumentException("the folder name is empty");
    }
    Path abs = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath().normalize();
    if (abs.getFileName() == null) {
      throw new IllegalArgumentException("cannot replace the root folder " + abs);
    }
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new FileSystemException(target.toString(), null, "exists and is not a folder");
    }
    if (!overwrite && !isEmptyOrAbsent(abs)) {
      throw new IllegalArgumentException(target + " is not empty: choose another folder or pass "
          + overwriteOption + " to replace it");
    }
    Path parent = AtomicFile.createFolders(abs.getParent());
    deleteStale(parent, abs.getFileName().toString());
    Path temp = Files.createDirectory(parent.resolve(hidden(abs, "tmp")));
    FileChannel channel = FileChannel.open(temp.resolve(LOCK), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    channel.lock();
    return new StagedFolder(abs, temp, channel);
  }

  /** Deletes the temporary folders of {@code name} whose writer is gone (their lock is free). */
  private static void deleteStale(Path parent, String name) throws IOException {
    List<Path> candidates;
    try (Stream<Path> entries = Files.list(parent)) {
      candidates = entries.filter(p -> p.getFileName().toString().startsWith("." + name + ".")
          && p.getFileName().toString().endsWith(".tmp") && Files.isDirectory(p)).toList();
    }
    for (Path dir : candidates) {
      if (writerIsGone(dir)) {
        deleteTree(dir);
      }
    }
  }

  private static boolean writerIsGone(Path dir) throws IOException {
    Path lockFile = dir.resolve(LOCK);
    if (!Files.exists(lockFile)) {
      long age = System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis();
      return age > UNLOCKED_GRACE_MILLIS;
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException heldInThisJvm) {
      return false;
    }
  }

  /** Releases the lock and removes its file, before the folder moves or goes. */
  private void unlock() throws IOException {
    lockChannel.close();
    Files.deleteIfExists(temp.resolve(LOCK));
  }

  /** Where to write the files. */
  public Path dir() {
    return temp;
  }

  /** Swaps the written folder in for the target (an old target is removed after the swap). */
  public Path commit() throws IOException {
    unlock();
    Path old = null;
    if (Files.exists(target)) {
      if (isEmptyOrAbsent(target)) {
        Files.delete(target);
      } else {
        old = target.resolveSibling(hidden(target, "old"));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteTree(old);
    }
    return target;
  }

  /**
   * Keeps what was written of a failed job where the user finds it: in the target when that is
   * empty or absent, else (an old folder stays untouched) in {@code <target>.failed}, numbered
   * when that exists.
   *
   * @return where it is now
   */
  public Path keepPartial() throws IOException {
    unlock();
    Path to = target;
    if (!isEmptyOrAbsent(target)) {
      to = target.resolveSibling(target.getFileName() + ".failed");
      for (int k = 1; Files.exists(to); k++) {
        to = target.resolveSibling(target.getFileName() + ".failed." + k);
      }
    } else if (Files.exists(target)) {
      Files.delete(target);
    }
    Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
    return to;
  }

  /** Removes the temporary folder; the target stays as it was. */
  public void abandon() {
    try {
      lockChannel.close();
      deleteTree(temp);
    } catch (IOException ignored) {
      // the job already failed; its error is the one to report
    }
  }

  private static String hidden(Path target, String kind) {
    return "." + target.getFileName() + "." + UUID.randomUUID() + "." + kind;
  }

  private static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return !Files.exists(dir);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
