package ssmlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KillRestartTest {

  private static Process start(Path spec, Path out, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // the vector module as ./ssmlab gives it: the model registry's classes link against it
    return new ProcessBuilder(java, "--add-modules=jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"),
        SweepChild.class.getName(), spec.toString(), out.toString(), "150", "2")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static Set<String> finishedIds(Path out) throws IOException {
    Path runs = out.resolve(ResultsDir.RUNS);
    if (!Files.isDirectory(runs)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(runs)) {
      Set<String> ids = new HashSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .forEach(n -> ids.add(n.substring(0, n.length() - ".json".length())));
      return ids;
    }
  }

  private static List<String> started(Path log) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("start ")) {
        ids.add(line.substring("start ".length()));
      }
    }
    return ids;
  }

  private static Set<String> unfinished(Path log, Path out) throws IOException {
    Set<String> ids = new HashSet<>(started(log));
    ids.removeAll(finishedIds(out));
    return ids;
  }

  // A sweep killed with SIGKILL half way and started again finishes every run exactly once:
  // the second JVM trains only what the first had not finished, and every result file parses.
  @Test
  void sweep_killedAndRestarted_finishesEveryRunOnce(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("grid.yaml"), Specs.GRID);
    Path out = dir.resolve("out");
    Set<String> all = new HashSet<>(Specs.grid().expand().stream().map(Run::id).toList());

    Process first = start(spec, out, dir.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // Kill once 6 runs have finished and another has started: the two workers finish their runs
    // at nearly the same moment, so right after the 6th result both can be between runs.
    while (!(finishedIds(out).size() >= 6 && !unfinished(dir.resolve("first.log"), out).isEmpty())
        && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Set<String> beforeRestart = finishedIds(out);
    assertThat(beforeRestart).as("killed mid-sweep").hasSizeBetween(6, all.size() - 1);
    // Runs started but not finished when the JVM died: they left no result file.
    Set<String> inProgress = unfinished(dir.resolve("first.log"), out);
    assertThat(inProgress).as("runs in progress at the kill").isNotEmpty();

    Process second = start(spec, out, dir.resolve("second.log"));
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

    List<String> redone = started(dir.resolve("second.log"));
    assertThat(redone).doesNotHaveDuplicates().doesNotContainAnyElementsOf(beforeRestart)
        .containsAll(inProgress);
    Set<String> union = new HashSet<>(beforeRestart);
    union.addAll(redone);
    assertThat(union).isEqualTo(all);
    assertThat(finishedIds(out)).isEqualTo(all);
    List<RunRecord> records = new ResultsDir(out).readRuns();
    assertThat(records).hasSize(all.size());
    assertThat(Merge.merge(new ResultsDir(out)).missing()).isEmpty();
    try (Stream<Path> files = Files.list(out.resolve(ResultsDir.RUNS))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allSatisfy(n -> assertThat(n).endsWith(".json"));
    }
  }
}
