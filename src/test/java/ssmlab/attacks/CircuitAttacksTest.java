package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@code circuit op} and {@code circuit scale}: sizes, unwritable plots. */
final class CircuitAttacksTest {

  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void trainTinyRun() {
    run = Cli.tinyRun(dir);
  }

  private static Cli.Result scale(String png) {
    return Cli.run("circuit", "scale", "--checkpoint", run.toString(), "--lengths", "2,3",
        "--forms", "sequential", "-p", "4", "-q", "4", "--png", png);
  }

  @Test
  void scale_pngInAMissingOrFileFolder_isRefusedBeforeTheWork() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "x");
    Cli.Result r = scale(file.resolve("x.png").toString()).isOneLineError("--png", "afile");
    assertThat(r.out()).isEmpty();
    assertThat(scale(dir.resolve("none/x.png").toString()).out()).isEmpty();
    scale(dir.toString()).isOneLineError("is a folder");
  }

  @Test
  void scale_pngWithoutSuffix_isWrittenUnderThatName() {
    Path png = dir.resolve("scale");
    Cli.Result r = scale(png.toString());
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(png).isRegularFile();
    assertThat(dir.resolve("scale.png")).doesNotExist();
    assertThat(r.out()).contains("plot: " + png);
  }

  @Test
  void op_circuitBeyondTheHeap_isOneLine() throws Exception {
    String jvm = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(jvm, "-Xmx96m", "--add-modules=jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), "ssmlab.cli.Main", "circuit", "op", "--op",
        "fp-sum", "--arity", "64", "--precision", "24", "--exponent-bits", "24").start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes()).lines()
        .filter(l -> !l.startsWith("WARNING: Using incubator")).reduce("", (a, b) -> a + b + "\n");
    new Cli.Result(p.exitValue(), "", err).isOneLineError("--exponent-bits 24", "heap");
  }
}
