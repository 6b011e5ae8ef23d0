package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@code tasks sample} and {@code tasks export}: sizes, leftovers, closed pipes. */
final class TasksAttacksTest {

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void sample_hugeLength_isRefusedNamingIt() {
    Cli.run("tasks", "sample", "--task", "parity", "--length", "1000000000")
        .isOneLineError("--length 1000000000", "heap");
    Cli.run("tasks", "sample", "--task", "s5", "--length", "2..2000000000")
        .isOneLineError("--length 2..2000000000");
    Cli.run("tasks", "sample", "--task", "parity", "--length", "abc")
        .isOneLineError("'abc'");
  }

  @Test
  void export_overTheSizeLimit_isRefusedAndWritesNothing(@TempDir Path dir) {
    Path out = dir.resolve("data");
    Cli.run("tasks", "export", "--task", "parity", "--train-lengths", "2..8", "--test-lengths",
        "1..1000000000", "--out", out.toString()).isOneLineError("heap");
    Cli.run("tasks", "export", "--task", "parity", "--train-lengths", "2..8", "--test-lengths",
        "1..100000", "--count", "10", "--out", out.toString())
        .isOneLineError("over the 1.0 GB limit", "--force");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void export_deletesTheTemporaryFilesOfAKilledExport(@TempDir Path dir) throws IOException {
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    for (String name : List.of("train.jsonl.8123456.tmp", ".test.jsonl.5f1e-77.tmp",
        ".task.json.abc.tmp", "notes.tmp", ".other.jsonl.1.tmp")) {
      Files.writeString(dir.resolve(name), "partial");
      Files.setLastModifiedTime(dir.resolve(name), old);
    }
    Cli.Result r = Cli.run("tasks", "export", "--task", "parity", "--train-lengths", "2..3",
        "--test-lengths", "4", "--count", "2", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(names(dir)).containsExactly(".other.jsonl.1.tmp", "notes.tmp", "task.json",
        "test.jsonl", "train.jsonl");
  }

  @Test
  void export_filesAreReadableLikeAnyNewFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("data");
    Cli.Result r = Cli.run("tasks", "export", "--task", "s5", "--train-lengths", "2",
        "--test-lengths", "3", "--count", "2", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Set<PosixFilePermission> plain = Files.getPosixFilePermissions(
        Files.createFile(dir.resolve("plain")));
    for (String f : List.of("train.jsonl", "test.jsonl", "train.csv", "test.csv", "task.json")) {
      assertThat(Files.getPosixFilePermissions(out.resolve(f))).as(f).isEqualTo(plain);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void sample_readerClosesThePipe_stopsQuietly() {
    Cli.Result r = Cli.runClosingAfter(1000, Cli.text(""), "tasks", "sample", "--task",
        "parity", "--length", "8", "--count", "100000000");
    assertThat(r.code()).isEqualTo(141);
    assertThat(r.out()).startsWith("{\"task\":\"parity\",\"length\":8,");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  void sample_realHeadClosesThePipe_processEnds(@TempDir Path dir) throws Exception {
    Cli.Piped p = Cli.pipedToHead("tasks sample --task parity --length 8 --count 100000000");
    assertThat(p.out().lines().toList()).hasSize(1);
    assertThat(p.out()).startsWith("{\"task\":\"parity\"");
    assertThat(p.javaExitCode()).isEqualTo(141);
    assertThat(p.err()).doesNotContain("Exception");
  }
}
