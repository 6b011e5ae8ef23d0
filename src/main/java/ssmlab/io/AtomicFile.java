package ssmlab.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader sees either the old file (or none) or the whole new one: the
 * content goes to {@code .<name>.<random>.tmp} beside the target, is forced to disk, and is then
 * renamed over the target in one atomic step. A write that fails leaves no temporary file.
 *
 * <p>Symbolic links are written through to their target, and what exists but is not a regular
 * file (a device, a FIFO) is written directly: no rename could replace it faithfully.
 *
 * <p>The temporary file is opened like any new file (not {@code Files.createTempFile}, which makes
 * it private to its owner): results on a folder shared by a cluster's jobs must stay readable, so
 * the umask decides.
 */
public final class AtomicFile {
  /** Temporary files end so (and start with a dot); they are never taken for results. */
  public static final String TEMP_SUFFIX = ".tmp";

  /** What writes the content as bytes. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** What writes the content as text (UTF-8). */
  @FunctionalInterface
  public interface TextWriter {
    void write(java.io.Writer out) throws IOException;
  }

  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  /**
   * Writes {@code target} from {@code writer}. A symbolic link is written through: its final
   * target gets the new content (renamed into place in the target's folder), the link stays. A
   * target that exists and is not a regular file (a device, a FIFO, {@code /dev/stdout}) is
   * written directly, without a temporary file.
   *
   * @throws UncheckedIOException wrapping a {@link java.nio.file.FileSystemException} that names
   *     the file
   */
  public static void write(Path target, Writer writer) {
    try {
      Path resolved = resolveLinks(target.toAbsolutePath());
      if (resolved == null) {
        writeDirectly(target, writer);
      } else if (Files.isDirectory(resolved)) {
        throw new FileSystemException(target.toString(), null, "is a folder, not a file");
      } else if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
        writeDirectly(resolved, writer);
      } else {
        writeAtomically(resolved, writer);
      }
    } catch (FileSystemException e) {
      throw new UncheckedIOException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(new FileSystemException(target.toString(), null,
          e.getMessage()));
    }
  }

  /**
   * The file a path's symbolic links lead to (which need not exist yet), or null for the
   * kernel's own files ({@code /dev/stdout} leads through {@code /proc/self/fd}), which are
   * written directly.
   */
  private static Path resolveLinks(Path path) throws IOException {
    Path p = path;
    for (int hops = 0; hops < MAX_LINKS; hops++) {
      if (p.startsWith("/proc") || p.startsWith("/dev/fd")) {
        return null;
      }
      if (!Files.isSymbolicLink(p)) {
        return p;
      }
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
  }

  private static void writeDirectly(Path target, Writer writer) throws IOException {
    try (OutputStream raw = Files.newOutputStream(target, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      var out = new BufferedOutputStream(raw, 1 << 16);
      writer.write(new KeepOpen(out));
      out.flush();
    }
  }

  /**
   * Creates {@code dir} and its missing parents; a file in the way is named as such (where
   * {@link Files#createDirectories} says only that it "already exists").
   */
  public static Path createFolders(Path dir) throws IOException {
    try {
      return Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new FileSystemException(e.getFile(), null, "exists and is not a folder");
    }
  }

  private static void writeAtomically(Path abs, Writer writer) throws IOException {
    Path dir = abs.getParent();
    Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      createFolders(dir);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        var out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        writer.write(new KeepOpen(out));
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new FileSystemException(dir.toString(), null, "this file system cannot rename "
            + "atomically");
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write already failed; that error is the one to report
      }
    }
  }

  /** Writes {@code target} as UTF-8 text from {@code writer}. */
  public static void writeText(Path target, TextWriter writer) {
    write(target, out -> {
      var text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
      writer.write(text);
      text.flush();
    });
  }

  /** The stream handed to a writer: closing it only flushes, as force() needs the channel. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Writes {@code bytes} to {@code target}. */
  public static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code text} to {@code target} as UTF-8. */
  public static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }
}
