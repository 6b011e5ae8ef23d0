package ssmlab.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder written beside its final place ({@code .<name>.<random>.tmp}) and swapped in whole
 * at the end, so a reader sees the old folder or the new one, never a mix. An existing folder
 * that is not empty is replaced only when asked to; until the swap it stays as it was.
 */
public final class StagedFolder {
  private final Path target;
  private final Path temp;

  private StagedFolder(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /**
   * Starts writing {@code target}: checks it may be written and creates the temporary folder
   * beside it (a symbolic link to a folder is followed; the folder it names is replaced).
   *
   * @param overwrite whether a folder that is not empty may be replaced
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
    Path temp = Files.createDirectory(parent.resolve(hidden(abs, "tmp")));
    return new StagedFolder(abs, temp);
  }

  /** Where to write the files. */
  public Path dir() {
    return temp;
  }

  /** Swaps the written folder in for the target (an old target is removed after the swap). */
  public Path commit() throws IOException {
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
