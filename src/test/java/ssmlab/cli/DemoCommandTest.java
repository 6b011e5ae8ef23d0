package ssmlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssmlab.cli.MainTest.Result;

/** The whole demo (about a minute on 2 cores): it must show the contrasts the README promises. */
@Tag("slow")
final class DemoCommandTest {

  @Test
  void demo_showsTheEigenvalueAndStarFreeContrasts(@TempDir Path dir) {
    Result r = MainTest.run("demo", "--no-progress", "--out", dir.resolve("demo").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("demo/report.html")).exists();
    assertThat(accuracy(r.out(), "parity  mamba[0,1]", 0)).isLessThan(0.1);
    assertThat(accuracy(r.out(), "parity  mamba[-1,1]", 0)).isGreaterThan(0.9);
    assertThat(accuracy(r.out(), "parity  lstm", 2)).isGreaterThan(0.9);
    assertThat(accuracy(r.out(), "parity  transformer", 0)).isLessThan(0.1);
    assertThat(accuracy(r.out(), "flipflop  mamba[0,1]", 2)).isGreaterThan(0.9);
  }

  /** The table cell of {@code row} in column {@code col} (0: n=40, 1: n=128, 2: n=256). */
  private static double accuracy(String table, String row, int col) {
    String line = table.lines().filter(l -> l.startsWith(row + " ")).findFirst().orElseThrow();
    String[] cells = line.substring(row.length()).trim().split("\\s+");
    return Double.parseDouble(cells[col]);
  }
}
