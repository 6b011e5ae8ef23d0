package ssmlab.attacks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@code eval}: sizes and counts nobody could run, a damaged run folder. */
final class EvalSizeAttacksTest {

  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void trainTinyRun() {
    run = Cli.tinyRun(dir);
  }

  @Test
  void hugeLength_isRefusedNamingIt() {
    Cli.run("eval", "--run", run.toString(), "--lengths", "8,100000000")
        .isOneLineError("--lengths 100000000", "heap");
    Cli.run("eval", "--run", run.toString(), "--lengths", "100000000", "--arith", "double")
        .isOneLineError("--lengths 100000000");
  }

  @Test
  void hugeCount_needsForce() {
    Cli.run("eval", "--run", run.toString(), "--lengths", "8", "--count", "2000000000")
        .isOneLineError("--count 2000000000 is over 1000000", "--force");
  }

  @Test
  void threadsOverTheCap_areRefused() {
    Cli.run("eval", "--run", run.toString(), "--lengths", "8", "--threads", "100000")
        .isOneLineError("--threads must be in 1..1024");
  }

  @Test
  void emptyRunJson_saysSoInsteadOfUnknownTask() throws Exception {
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    for (Path f : Files.newDirectoryStream(run)) {
      Files.copy(f, broken.resolve(f.getFileName()));
    }
    Files.writeString(broken.resolve("run.json"), "");
    Cli.run("eval", "--run", broken.toString(), "--lengths", "8")
        .isOneLineError("run.json does not name a task");
  }
}
