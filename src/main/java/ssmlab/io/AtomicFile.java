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

  private AtomicFile() {}

  /** Writes {@code target} from {@code writer}. */
  public static void write(Path target, Writer writer) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      Files.createDirectories(dir);
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
        throw new IOException("the file system of " + dir + " cannot rename atomically", e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
