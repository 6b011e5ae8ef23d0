package ssmlab.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@code ssmlab results merge}: odd entries in a results folder are one line. */
final class ResultsAttacksTest {
  @TempDir Path dir;
  private Path out;

  @BeforeEach
  void sweep() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"),
        SweepAttacksTest.spec("eval_samples: 4"));
    out = dir.resolve("out");
    Cli.Result r = Cli.run("sweep", spec.toString(), "--out", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
  }

  // A folder named x.json in runs/ made merge print "java.io.IOException: Is a directory".
  @Test
  void folderNamedLikeAResult_isOneLine() throws Exception {
    Path folder = Files.createDirectories(out.resolve("runs/x.json"));
    assertThat(Cli.refused(Cli.run("results", "merge", out.toString())))
        .contains(folder.toString()).contains("is a folder");
  }

  @Test
  void emptyResultFile_isOneLine() throws Exception {
    Files.writeString(out.resolve("runs/0123456789abcdef.json"), "");
    assertThat(Cli.refused(Cli.run("results", "merge", out.toString())))
        .contains("0123456789abcdef.json");
  }

  @Test
  void resultsFolderIsAFile_isOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "keep");
    assertThat(Cli.refused(Cli.run("results", "merge", file.toString()))).contains("afile");
    assertThat(file).hasContent("keep");
  }

  @Test
  void mergeFromMissingFolder_isOneLine() {
    assertThat(Cli.refused(Cli.run("results", "merge", out.toString(), "--from",
        dir.resolve("nowhere").toString()))).contains("nowhere");
  }
}
