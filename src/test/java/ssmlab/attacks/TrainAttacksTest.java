package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on {@code ssmlab train}: an existing run folder is never overwritten file by file, a
 * diverging run is one line and keeps its metrics, bad sizes and folders are one line.
 */
final class TrainAttacksTest {
  @TempDir Path dir;

  /** A tiny LSTM run on parity; {@code extra} options replace the defaults of the same name. */
  private static Cli.Result train(Path out, String... extra) {
    Map<String, String> options = new LinkedHashMap<>(Map.of("--task", "parity", "--model",
        "lstm", "--d-model", "8", "--layers", "1", "--steps", "3", "--batch", "2",
        "--train-lengths", "2..4", "--out", out.toString()));
    List<String> flags = new ArrayList<>(List.of("train", "--no-progress"));
    for (int i = 0; i < extra.length; i++) {
      if (extra[i].equals("--overwrite") || extra[i].contains("=")) {
        flags.add(extra[i]);
      } else {
        options.put(extra[i], extra[++i]);
      }
    }
    options.forEach((k, v) -> flags.addAll(List.of(k, v)));
    return Cli.run(flags.toArray(String[]::new));
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void nonEmptyFolder_isRefusedAndKept() throws Exception {
    Path out = Files.createDirectories(dir.resolve("run"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertThat(Cli.refused(train(out))).contains("not empty").contains("--overwrite");
    assertThat(names(out)).containsExactly("notes.txt");
    assertThat(names(dir)).containsExactly("run");
  }

  @Test
  void existingRun_isRefusedWithoutOverwrite() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out).code()).isZero();
    byte[] model = Files.readAllBytes(out.resolve("model.safetensors"));
    Cli.refused(train(out, "--seed", "2"));
    assertThat(Files.readAllBytes(out.resolve("model.safetensors"))).isEqualTo(model);
  }

  @Test
  void emptyFolder_isUsed() throws Exception {
    Path out = Files.createDirectories(dir.resolve("run"));
    Cli.Result r = train(out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(names(out)).contains("model.safetensors", "run.json", "metrics.jsonl");
    assertThat(names(dir)).containsExactly("run");
  }

  @Test
  void overwrite_swapsTheWholeRunIn() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out).code()).isZero();
    Files.writeString(out.resolve("stale.txt"), "old run");
    Cli.Result r = train(out, "--overwrite", "--steps", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(names(out)).doesNotContain("stale.txt");
    assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).hasSize(5);
    assertThat(names(dir)).containsExactly("run");
  }

  // A failure half way (here: divergence) must leave the old run as it was, not a mix.
  @Test
  void overwrite_failingHalfWay_keepsTheOldRun() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out).code()).isZero();
    byte[] model = Files.readAllBytes(out.resolve("model.safetensors"));
    List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
    Cli.Result r = train(out, "--overwrite", "--lr", "1e30", "--steps", "20");
    String line = Cli.refused(r);
    assertThat(Files.readAllBytes(out.resolve("model.safetensors"))).isEqualTo(model);
    assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).isEqualTo(metrics);
    assertThat(line).contains("run.failed");
    assertThat(Files.readAllLines(dir.resolve("run.failed/metrics.jsonl")))
        .hasSize(divergedAt(line));
    assertThat(names(dir)).containsExactly("run", "run.failed");
  }

  // --lr 1e30 printed a NonFiniteException stack trace; now one line naming the step and the
  // tensor, and the folder keeps the metrics of every step before.
  @Test
  void diverging_isOneLineAndKeepsTheMetrics() throws Exception {
    Path out = dir.resolve("run");
    String line = Cli.refused(train(out, "--lr", "1e30", "--steps", "20"));
    assertThat(line).containsPattern("step \\d+: (the loss|the gradient of|parameter) ");
    int step = divergedAt(line);
    assertThat(step).isPositive();
    List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
    assertThat(metrics).hasSize(step);
    assertThat(metrics.getLast()).contains("\"step\":" + (step - 1));
    assertThat(out.resolve("model.safetensors")).doesNotExist();
    assertThat(names(dir)).containsExactly("run");
  }

  private static int divergedAt(String line) {
    Matcher m = Pattern.compile("step (\\d+)").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Infinity", "NaN", "-1", "0"})
  void nonFiniteOrNonPositiveRate_isRefusedBeforeTraining(String lr) throws Exception {
    Path out = dir.resolve("run");
    assertThat(Cli.refused(train(out, "--lr", lr))).contains("lr");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--clip=Infinity", "--weight-decay=NaN", "--weight-decay=-1"})
  void nonFiniteSettings_areRefusedBeforeTraining(String option) throws Exception {
    Path out = dir.resolve("run");
    Cli.refused(train(out, option));
    assertThat(out).doesNotExist();
  }

  // --batch 1000000000 threw ArrayIndexOutOfBoundsException inside the trainer.
  @ParameterizedTest
  @ValueSource(strings = {"1000000000", "2147483647"})
  void hugeBatch_isRefusedBeforeTraining(String batch) throws Exception {
    Path out = dir.resolve("run");
    assertThat(Cli.refused(train(out, "--batch", batch))).contains("--batch " + batch).contains("heap");
    assertThat(out).doesNotExist();
  }

  @Test
  void outIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    assertThat(Cli.refused(train(file))).contains("afile").contains("not a folder");
    assertThat(Cli.refused(train(file.resolve("sub")))).contains("afile")
        .containsPattern("not a (folder|directory)");
    assertThat(file).hasContent("keep");
    assertThat(names(dir)).containsExactly("afile");
  }

  @Test
  void overwriteThroughASymlink_replacesTheFolderItNamesAndKeepsTheLink() throws Exception {
    Path real = dir.resolve("real");
    assertThat(train(real).code()).isZero();
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    Cli.Result r = train(link, "--overwrite", "--steps", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(real.resolve("metrics.jsonl"))).hasSize(4);
    assertThat(names(dir)).containsExactly("link", "real");
  }

  /** The arguments of a tiny run as a child process: {@code extra} after the defaults. */
  private static String[] childArgs(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--task", "parity", "--model", "lstm",
        "--layers", "1", "--batch", "2", "--train-lengths", "2..4", "--no-progress", "--out",
        out.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  // A disk that fills up while the new run is written (a 40 KiB file-size limit; the new model
  // needs about 130 KiB): one line, and the old run stays whole.
  @Test
  void fileSizeLimit_duringOverwrite_keepsTheOldRun() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out).code()).isZero();
    byte[] model = Files.readAllBytes(out.resolve("model.safetensors"));
    Cli.Result r = Cli.runChild("ulimit -f 40",
        childArgs(out, "--d-model", "64", "--steps", "2", "--overwrite"));
    assertThat(Cli.refused(r)).contains("too large")
        .contains(out.resolve("model.safetensors").toString());
    assertThat(Files.readAllBytes(out.resolve("model.safetensors"))).isEqualTo(model);
    assertThat(names(dir)).containsExactly("run");
  }

  // SIGKILL while the new run trains: the old run is untouched (the new one lives beside it).
  @Test
  void killedDuringOverwrite_keepsTheOldRun() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out).code()).isZero();
    byte[] model = Files.readAllBytes(out.resolve("model.safetensors"));
    List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
    Process p = Cli.start("true",
        childArgs(out, "--d-model", "8", "--steps", "1000000", "--overwrite"));
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (stagedMetricsLines(dir) < 5 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(stagedMetricsLines(dir)).isGreaterThanOrEqualTo(5);
    } finally {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(Files.readAllBytes(out.resolve("model.safetensors"))).isEqualTo(model);
    assertThat(Files.readAllLines(out.resolve("metrics.jsonl"))).isEqualTo(metrics);
  }

  // A train killed mid-run left its hidden staging folder beside --out, and nothing removed it.
  // The next train for that folder deletes a staging folder whose writer is gone (its lock is
  // free) and leaves one whose writer is alive.
  @Test
  void stagingFoldersOfKilledRuns_areDeletedByTheNextRun_liveOnesKept() throws Exception {
    Path out = dir.resolve("run");
    Path killed = Files.createDirectories(dir.resolve(".run.dead.tmp"));
    Files.writeString(killed.resolve("model.safetensors"), "half a checkpoint");
    Files.writeString(killed.resolve(".staging.lock"), "");
    Path old = Files.createDirectories(dir.resolve(".run.older.tmp"));
    Files.setLastModifiedTime(old, FileTime.fromMillis(0));
    Path live = Files.createDirectories(dir.resolve(".run.live.tmp"));
    try (var ch = FileChannel.open(live.resolve(".staging.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        var lock = ch.lock()) {
      Cli.Result r = train(out);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(killed).doesNotExist();
      assertThat(old).doesNotExist();
      assertThat(live).exists();
    }
    assertThat(out.resolve(".staging.lock")).doesNotExist();
  }

  private static long stagedMetricsLines(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".run.")).toList()) {
        Path m = p.resolve("metrics.jsonl");
        if (Files.exists(m)) {
          return Files.readAllLines(m).size();
        }
      }
    }
    return 0;
  }

  @Test
  void emptyOut_isRefused() {
    assertThat(Cli.refused(train(Path.of("")))).contains("empty");
  }

  @Test
  void outInAnUnwritableFolder_isOneLine() throws Exception {
    Path out = Cli.unwritableFolder(dir).resolve("run");
    assertThat(Cli.refused(train(out))).contains(out.getParent().toString());
  }
}
