package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.io.AtomicFile;

/**
 * Attacks on how files are written ({@link AtomicFile}, which every command uses): symbolic
 * links, FIFOs, devices, folders in the way, a full device.
 */
final class WriteAttacksTest {
  @TempDir Path dir;

  @Test
  void symlink_isWrittenThroughAndKept() throws Exception {
    Path target = Files.writeString(Files.createDirectories(dir.resolve("real")).resolve("a.v"),
        "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.v"), Path.of("real/a.v"));
    AtomicFile.write(link, "new");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(target).hasContent("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("real", "link.v");
    }
  }

  @Test
  void danglingSymlinkChain_createsTheFinalTarget() throws Exception {
    Files.createDirectories(dir.resolve("real"));
    Files.createSymbolicLink(dir.resolve("middle"), Path.of("real/out.json"));
    Path link = Files.createSymbolicLink(dir.resolve("first"), dir.resolve("middle"));
    AtomicFile.write(link, "x");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(dir.resolve("real/out.json")).hasContent("x");
  }

  @Test
  void symlinkLoop_isOneLineError() throws Exception {
    Path a = dir.resolve("a");
    Files.createSymbolicLink(a, dir.resolve("b"));
    Files.createSymbolicLink(dir.resolve("b"), a);
    assertThatThrownBy(() -> AtomicFile.write(a, "x")).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("symbolic links");
  }

  @Test
  void fifo_readerGetsTheContent() throws Exception {
    Path fifo = dir.resolve("pipe");
    Cli.tool("mkfifo", fifo.toString());
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    AtomicFile.write(fifo, "through the pipe\n");
    assertThat(reader.get(20, TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void nullDevice_isWrittenAndStaysADevice() throws Exception {
    Path devNull = Cli.device(dir, "null", 3);
    AtomicFile.write(devNull, "gone");
    assertThat(Files.exists(devNull)).isTrue();
    assertThat(Files.isRegularFile(devNull)).isFalse();
  }

  @Test
  void fullDevice_isAOneLineErrorAndStaysADevice() throws Exception {
    Path full = Cli.device(dir, "full", 7);
    Path v = dir.resolve("v");
    Cli.Result r = Cli.run("circuit", "op", "--op", "int-sum", "--precision", "4", "--arity",
        "8", "--export", "verilog", full.toString());
    assertThat(Cli.refused(r)).contains(full.toString()).contains("no space left on device");
    assertThat(Files.isRegularFile(full)).isFalse();
    assertThat(Files.exists(full)).isTrue();
    assertThat(v).doesNotExist();
  }

  @Test
  void folderInTheWay_isOneLineErrorInWords() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("out.v"));
    Cli.Result r = Cli.run("circuit", "op", "--op", "int-sum", "--precision", "4", "--arity",
        "8", "--export", "verilog", folder.toString());
    assertThat(Cli.refused(r)).contains(folder.toString()).contains("is a folder");
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void fileInThePath_isOneLineErrorInWords() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    Cli.Result r = Cli.run("circuit", "op", "--op", "int-sum", "--precision", "4", "--arity",
        "8", "--export", "verilog", file.resolve("x.v").toString());
    assertThat(Cli.refused(r)).contains("afile");
    assertThat(file).hasContent("keep");
  }
}
