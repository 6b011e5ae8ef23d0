package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;
import ssmlab.experiment.ResultsDir;

/**
 * The README's cluster recipe run for real: {@code experiments/cluster/sweep-array.sbatch} as a
 * four-task SLURM array on the one-node cluster that {@code .ci/slurm-start} brings up (CI does;
 * skipped, saying so, where there is no cluster). The four shards write into one folder; the
 * merged result equals the same sweep run unsharded, byte for byte.
 */
final class SlurmArrayTest {
  private static final String SPEC = """
      name: slurm-array
      tasks: [parity]
      models:
        - {name: lstm, model: lstm}
        - {name: rnn, model: rnn}
      layers: [1, 2]
      widths: [4]
      train_lengths: ["2-6"]
      test_lengths: [4, 8]
      seeds: [1, 2]
      train: {steps: 10, batch: 4, lr: 0.01, options: {eval_samples: 16}}
      """;

  @Test
  void anArrayOfFourShards_intoOneFolder_equalsTheUnshardedSweep(@TempDir Path dir)
      throws Exception {
    assumeTrue(clusterIsUp(), "no SLURM cluster here (bash .ci/slurm-start brings one up)");
    Path spec = Files.writeString(dir.resolve("slurm-array.yaml"), SPEC);
    Path shared = dir.resolve("shared");
    Path recipe = Path.of("experiments/cluster/sweep-array.sbatch").toAbsolutePath();

    ProcessBuilder pb = new ProcessBuilder("sbatch", "--wait", "--array=0-3",
        "--chdir=" + dir, "--output=" + dir.resolve("task-%a.log"), recipe.toString(),
        spec.toString(), shared.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("sbatch.log").toFile());
    pb.environment().put("SSMLAB", launcher(dir).toString());
    Process sbatch = pb.start();
    assertThat(sbatch.waitFor(300, TimeUnit.SECONDS)).as("sbatch --wait ended").isTrue();
    assertThat(sbatch.exitValue()).as(logs(dir)).isZero();
    for (int task = 0; task < 4; task++) {
      assertThat(Files.readString(dir.resolve("task-" + task + ".log")))
          .as("task %d ran its own quarter", task).contains("{\"runs\":2,").contains("\"failed\":[]");
    }

    Result merged = MainTest.run("results", "merge", shared.toString(), "--complete");
    assertThat(merged.code()).as(merged.err()).isZero();
    Path whole = dir.resolve("whole");
    Result unsharded = MainTest.run("sweep", spec.toString(), "--out", whole.toString(),
        "--no-progress");
    assertThat(unsharded.code()).as(unsharded.err()).isZero();
    assertThat(MainTest.run("results", "merge", whole.toString(), "--complete").code()).isZero();
    List<String> sharded = withoutTimings(shared.resolve(ResultsDir.JSONL));
    assertThat(sharded).hasSize(8 * 2).isEqualTo(withoutTimings(whole.resolve(ResultsDir.JSONL)));
  }

  /**
   * The merged rows without what is not a function of the spec: the seconds, and the commit
   * (read once per JVM, so a commit made while the test runs tells the two apart).
   */
  private static List<String> withoutTimings(Path jsonl) throws IOException {
    return Files.readAllLines(jsonl).stream()
        .map(line -> line.replaceAll("\"train_seconds\":[0-9.Ee+-]+,", "")
            .replaceAll("\"commit\":\"[0-9a-z]+\",", "")).toList();
  }

  private static boolean clusterIsUp() {
    try {
      Process p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
          && out.lines().anyMatch(l -> l.strip().equals("idle") || l.strip().equals("mixed"));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code ./ssmlab} for this build: the same JVM and classes as the test. */
  private static Path launcher(Path dir) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path script = dir.resolve("ssmlab");
    Files.writeString(script, "#!/bin/sh\nexec '" + java + "' --add-modules=jdk.incubator.vector"
        + " -cp '" + System.getProperty("java.class.path") + "' ssmlab.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private static String logs(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        sb.append("== ").append(p.getFileName()).append('\n').append(Files.readString(p));
      }
    }
    return sb.toString();
  }
}
