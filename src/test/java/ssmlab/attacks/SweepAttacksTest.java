package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.experiment.ResultsDir;
import ssmlab.experiment.RunExecutor;
import ssmlab.experiment.RunId;
import ssmlab.experiment.Shard;
import ssmlab.experiment.SweepRunner;
import ssmlab.experiment.SweepSpec;
import ssmlab.experiment.SweepSpecs;
import ssmlab.progress.Progress;

/**
 * Attacks on {@code ssmlab sweep} and {@code ssmlab demo}: bad values in a spec are refused
 * before any run trains, bad output folders are one line, damaged results are redone, and
 * sweeps sharing a folder at once train each run once.
 */
final class SweepAttacksTest {
  @TempDir Path dir;

  /** One tiny run: an LSTM on parity, three steps. */
  static String spec(String trainOptions, String seeds, String testLengths) {
    return """
        name: tiny
        tasks: [parity]
        models: [{name: lstm, model: lstm, options: {d_model: 8}}]
        layers: [1]
        train_lengths: ["2-4"]
        test_lengths: %s
        seeds: %s
        train: {steps: 3, batch: 2, lr: 0.01, options: {%s}}
        """.formatted(testLengths, seeds, trainOptions);
  }

  static String spec(String trainOptions) {
    return spec(trainOptions, "[1]", "[4]");
  }

  private Cli.Result sweep(String yaml, Path out) throws Exception {
    Path file = Files.writeString(dir.resolve("spec.yaml"), yaml);
    return Cli.run("sweep", file.toString(), "--out", out.toString(), "--no-progress");
  }

  @Test
  void tinySpec_runs() throws Exception {
    Cli.Result r = sweep(spec("eval_samples: 4"), dir.resolve("out"));
    assertThat(r.code()).as(r.err()).isZero();
  }

  // eval_samples -5 was stored as a finished run with accuracy -0.0; 0 and 2.5 failed only after
  // training. Every option is checked before the first run starts, so no folder appears.
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "eval_samples: -5 | eval_samples", "eval_samples: 0 | eval_samples",
      "eval_samples: 2.5 | eval_samples", "eval_samples: abc | eval_samples",
      "eval_samples: 99999999999 | eval_samples", "eval_samples: true | eval_samples",
      "warmup: -1 | warmup", "warmup: 1.5 | warmup", "warmup: 3 | warmup",
      "weight_decay: -0.1 | weight_decay", "weight_decay: .inf | weight_decay",
      "weight_decay: .nan | weight_decay", "weight_decay: x | weight_decay",
      "clip: 0 | clip", "clip: -1 | clip", "clip: .inf | clip", "clip: .nan | clip",
      "schedule: linear | cosine", "wamrup: 1 | wamrup"})
  void badTrainOption_isRefusedBeforeAnyRun(String option, String named) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec(option), out))).contains(named);
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"steps: -1", "steps: 0", "steps: 2.5", "batch: 0", "batch: 2.5",
      "lr: .nan", "lr: .inf", "lr: -0.1", "lr: abc"})
  void badTrainSetting_isRefusedBeforeAnyRun(String setting) throws Exception {
    Path out = dir.resolve("out");
    String key = setting.substring(0, setting.indexOf(':'));
    String yaml = spec("").replaceFirst(key + ": [^,}]+", setting);
    assertThat(yaml).contains(setting);
    assertThat(Cli.refused(sweep(yaml, out))).contains(key);
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1.5]", "[1e30]", "[\"one\"]"})
  void nonIntegerSeed_isRefused(String seeds) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("", seeds, "[4]"), out)))
        .contains("'seeds[0]' must be an integer");
    assertThat(out).doesNotExist();
  }

  @Test
  void fractionalLayers_isRefused() throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("").replace("layers: [1]", "layers: [1.5]"), out)))
        .contains("'layers[0]' must be an integer, not 1.5");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"name: again\n", "train: {steps: 1, batch: 1, lr: 1}\n",
      "trainLengths: [\"2-4\"]\n"})
  void repeatedKey_isRefused(String repeated) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("") + repeated, out))).containsIgnoringCase("duplicate");
    assertThat(out).doesNotExist();
  }

  @Test
  void repeatedNestedKeyInJson_isRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("spec.json"), """
        {"name": "tiny", "tasks": ["parity"], "models": ["lstm"], "train_lengths": ["2-4"],
         "test_lengths": [4], "seeds": [1],
         "train": {"steps": 3, "batch": 2, "lr": 0.01, "lr": 0.1}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("sweep", file.toString(), "--out", out.toString());
    assertThat(Cli.refused(r)).containsIgnoringCase("duplicate");
    assertThat(out).doesNotExist();
  }

  // testLengths [1000000000] failed with NegativeArraySizeException after training.
  @ParameterizedTest
  @ValueSource(strings = {"[1000000000]", "[4, 2000000000]"})
  void hugeTestLength_isRefusedBeforeTraining(String lengths) throws Exception {
    Path out = dir.resolve("out");
    assertThat(Cli.refused(sweep(spec("", "[1]", lengths), out))).contains("too large");
    assertThat(out).doesNotExist();
  }

  @Test
  void hugeBatch_isRefusedBeforeTraining() throws Exception {
    Path out = dir.resolve("out");
    String yaml = spec("").replace("batch: 2", "batch: 1000000000");
    assertThat(Cli.refused(sweep(yaml, out))).contains("too large");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/2", "x", "1/0", "-1/2", "1/2/3"})
  void badShard_isOneLineInWords(String shard) throws Exception {
    Path file = Files.writeString(dir.resolve("spec.yaml"), spec(""));
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("sweep", file.toString(), "--out", out.toString(), "--shard", shard);
    assertThat(Cli.refused(r)).contains("--shard");
    assertThat(out).doesNotExist();
  }

  @Test
  void outIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    assertThat(Cli.refused(sweep(spec(""), file))).contains("afile");
    assertThat(file).hasContent("keep");
    assertThat(Cli.refused(sweep(spec(""), file.resolve("sub")))).contains("afile")
        .containsPattern("not a (folder|directory)");
    assertThat(file).hasContent("keep");
  }

  @Test
  void outInAnUnwritableFolder_isOneLine() throws Exception {
    Path out = Cli.unwritableFolder(dir).resolve("out");
    assertThat(Cli.refused(sweep(spec(""), out))).contains(out.getParent().toString());
  }

  @Test
  void demoOutIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    Cli.Result r = Cli.run("demo", "--no-progress", "--out", file.toString());
    assertThat(Cli.refused(r)).contains("afile");
    assertThat(file).hasContent("keep");
  }

  // A disk that is full from the start (file-size limit 0): one line, and no file half written.
  @Test
  void fileSizeLimitZero_isOneLineAndLeavesNoPartFile() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), spec("eval_samples: 4"));
    Path out = dir.resolve("out");
    Cli.Result r = Cli.runChild("ulimit -f 0", "sweep", spec.toString(), "--out",
        out.toString(), "--no-progress");
    assertThat(Cli.refused(r)).contains("sweep.json").contains("too large");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile)
          .filter(f -> !f.getParent().getFileName().toString().equals(".locks"))).isEmpty();
    }
  }

  // A diverging run was a failed run, retried by every rerun, although the same seed diverges at
  // the same step again, and missing from every table. Now it is a result: recorded with where it
  // diverged, reported in words, and kept by a rerun.
  @Test
  void divergingRuns_areRecordedInWords_andNotRetried() throws Exception {
    Path out = dir.resolve("out");
    String yaml = spec("").replace("lr: 0.01", "lr: 1.0e30").replace("steps: 3", "steps: 20");
    Cli.Result r = sweep(yaml, out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).containsPattern("1 runs diverged, first: \\w+: step \\d+: ")
        .doesNotContain("Exception");
    assertThat(r.out()).contains("\"diverged\":[\"");
    List<Path> files = resultFiles(out);
    assertThat(files).hasSize(1);
    String record = Files.readString(files.getFirst());
    assertThat(record).containsPattern("\"diverged\":\"step \\d+: ")
        .contains("\"sequence_accuracy\":0.0");

    Cli.Result again = sweep(yaml, out);
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("\"skipped\":1,\"finished\":0");
    assertThat(Files.readString(files.getFirst())).isEqualTo(record);
  }

  private static List<Path> resultFiles(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out.resolve("runs"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  // An empty or cut-short runs/<id>.json counted as finished (only its existence was checked),
  // and every merge after failed. Now it is redone, and said so.
  @Test
  void damagedResultFiles_areRedoneAndSaidSo() throws Exception {
    Path out = dir.resolve("out");
    String yaml = spec("eval_samples: 4", "[1, 2, 3]", "[4]");
    assertThat(sweep(yaml, out).code()).isZero();
    List<Path> files = resultFiles(out);
    assertThat(files).hasSize(3);
    String first = Files.readString(files.get(0));
    Files.writeString(files.get(0), "");
    Files.writeString(files.get(1), first.substring(0, first.length() / 2));
    Files.writeString(files.get(2), first);

    Cli.Result r = sweep(yaml, out);
    assertThat(r.code()).as(r.err()).isZero();
    for (Path f : files) {
      String id = f.getFileName().toString().replace(".json", "");
      assertThat(r.err()).contains("redoing run " + id);
    }
    assertThat(r.out()).contains("\"finished\":3");
    assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(3);
    assertThat(Cli.run("results", "merge", out.toString(), "--complete").code()).isZero();
  }

  // Two sweeps started at once on one folder both trained every run. Each run is now trained
  // under a lock (the OS releases it when a process dies), so each is trained once in all.
  @Test
  void twoProcessesOnOneFolder_trainEachRunOnce() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"),
        spec("", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", "[4, 8]"));
    Path out = dir.resolve("out");
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String java = ProcessHandle.current().info().command().orElse("java");
      children.add(new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp",
          System.getProperty("java.class.path"),
          SweepChild.class.getName(), spec.toString(), out.toString(), "300", "2")
          .redirectErrorStream(true).redirectOutput(dir.resolve("log" + i).toFile()).start());
    }
    for (Process p : children) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Files.readAllLines(dir.resolve("log" + i)).stream().filter(l -> l.startsWith("start "))
          .forEach(started::add);
    }
    assertThat(started).hasSize(12).doesNotHaveDuplicates();
    assertThat(resultFiles(out)).hasSize(12);
    assertThat(Cli.run("results", "merge", out.toString(), "--complete").code()).isZero();
  }

  // claim() checked for sweep.json, then wrote it: two sweeps of different specs starting at
  // once could both pass the check and mix their results in one folder.
  @Test
  void claimsOfTwoSpecsAtOnce_oneWinsTheOtherIsRefused() throws Exception {
    SweepSpec a = SweepSpecs.parseYaml(spec("", "[1]", "[4]"));
    SweepSpec b = SweepSpecs.parseYaml(spec("", "[2]", "[4]"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 30; round++) {
        var out = new ResultsDir(dir.resolve("round" + round));
        var start = new java.util.concurrent.CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          SweepSpec mine = i % 2 == 0 ? a : b;
          claims.add(pool.submit(() -> {
            start.await();
            try {
              out.claim(mine);
              return mine == a;
            } catch (IllegalArgumentException e) {
              return null;
            }
          }));
        }
        start.countDown();
        var winners = new java.util.HashSet<Boolean>();
        int refused = 0;
        for (Future<Boolean> f : claims) {
          Boolean won = f.get(30, TimeUnit.SECONDS);
          if (won == null) {
            refused++;
          } else {
            winners.add(won);
          }
        }
        assertThat(winners).as("round " + round).hasSize(1);
        assertThat(refused).isEqualTo(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRunnersInOneJvm_trainEachRunOnce() throws Exception {
    SweepSpec grid = SweepSpecs.parseYaml(spec("", "[1, 2, 3, 4, 5, 6, 7, 8]", "[4]"));
    var out = new ResultsDir(dir.resolve("out"));
    var counting = new ConcurrentHashMap<String, Integer>();
    RunExecutor sleeping = SweepChild.sleeping(100);
    RunExecutor executor = (spec, threads) -> {
      counting.merge(RunId.of(spec), 1, Integer::sum);
      return sleeping.execute(spec, threads);
    };
    Callable<SweepRunner.Summary> sweep = () -> new SweepRunner(executor, out,
        new SweepRunner.Options(2, 1), Progress.NONE).run(grid, Shard.ALL);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<SweepRunner.Summary>> both = two.invokeAll(List.of(sweep, sweep));
      int finished = both.get(0).get().finished() + both.get(1).get().finished();
      assertThat(finished).isEqualTo(8);
    } finally {
      two.shutdownNow();
    }
    assertThat(counting).hasSize(8).allSatisfy((id, n) -> assertThat(n).isOne());
  }
}
