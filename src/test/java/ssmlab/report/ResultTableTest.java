package ssmlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssmlab.experiment.ResultRow;

final class ResultTableTest {

  @Test
  void accuracy_maxOverSeeds_meanIsPerSeedAverageThenMax() {
    // lstm, seeds 1 and 2: n=8 -> 1.0, 0.5; n=16 -> 0.25, 0.75. Max per length: 1.00, 0.75.
    // Per-seed means: seed 1 0.625, seed 2 0.625 -> 0.625 (not the mean of the maxima, 0.875).
    List<ResultRow> rows = List.of(
        row("parity", "lstm", 1, 8, 1, 1.0), row("parity", "lstm", 1, 8, 2, 0.5),
        row("parity", "lstm", 1, 16, 1, 0.25), row("parity", "lstm", 1, 16, 2, 0.75));
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MAX))
        .isEqualTo("""
            | task | model | layers | n=8 | n=16 | mean |
            |---|---|---|---|---|---|
            | parity | lstm | 1 | 1.00 | 0.75 | 0.63 |
            """);
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MEDIAN))
        .contains("| parity | lstm | 1 | 0.75 | 0.50 | 0.63 |");
  }

  @Test
  void accuracy_seedCount_saysHowManySeedsEachRowCombines() {
    List<ResultRow> rows = List.of(
        row("s5", "lstm", 1, 8, 1, 1.0), row("s5", "lstm", 1, 8, 2, 0.5),
        row("s5", "lstm", 2, 8, 2, 0.25));
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MAX,
        ResultTable.Format.MARKDOWN, true)).isEqualTo("""
            | task | model | layers | seeds | n=8 |
            |---|---|---|---|---|
            | s5 | lstm | 1 | 2 | 1.00 |
            | s5 | lstm | 2 | 1 | 0.25 |
            """);
  }

  @Test
  void accuracy_modelNamesWithBars_areEscapedAndDepthsSortNumerically() {
    List<ResultRow> rows = List.of(
        row("s3", "a|b", 10, 4, 1, 0.5), row("s3", "a|b", 2, 4, 1, 1.0));
    String table = ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MAX);
    assertThat(table.lines().toList()).containsExactly(
        "| task | model | layers | n=4 |", "|---|---|---|---|",
        "| s3 | a\\|b | 2 | 1.00 |", "| s3 | a\\|b | 10 | 0.50 |");
  }

  @Test
  void minLayers_fewestDepthReachingThreshold_elseDeepestTried() {
    // mamba on a5: n=4 reached by 2 layers (1 layer 0.5); n=8 by none of 1..3 -> ">3".
    List<ResultRow> rows = List.of(
        row("a5", "mamba", 1, 4, 1, 0.5), row("a5", "mamba", 2, 4, 1, 0.95),
        row("a5", "mamba", 3, 4, 1, 1.0), row("a5", "mamba", 1, 8, 1, 0.0),
        row("a5", "mamba", 2, 8, 1, 0.1), row("a5", "mamba", 3, 8, 1, 0.89));
    assertThat(ResultTable.minLayers(rows, 0.9)).isEqualTo("""
        | task | model | n=4 | n=8 |
        |---|---|---|---|
        | a5 | mamba | 2 | >3 |
        """);
  }

  @Test
  void divergedRuns_countAsZero_andARowOfOnlyDivergedSeedsSaysSo() {
    // ids4 layer 1: seed 1 0.8 at n=8, seed 2 diverged (0): max 0.80, mean 0.40.
    // ids4 layer 2: both seeds diverged. min-layers: the diverged seeds reach nothing.
    List<ResultRow> rows = List.of(
        row("s5", "ids4", 1, 8, 1, 0.8), diverged(row("s5", "ids4", 1, 8, 2, 0)),
        diverged(row("s5", "ids4", 2, 8, 1, 0)), diverged(row("s5", "ids4", 2, 8, 2, 0)));
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MAX,
        ResultTable.Format.MARKDOWN, true)).isEqualTo("""
            | task | model | layers | seeds | n=8 |
            |---|---|---|---|---|
            | s5 | ids4 | 1 | 2 | 0.80 |
            | s5 | ids4 | 2 | 2 | diverged |
            """);
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SEQUENCE, ResultTable.Agg.MEAN,
        ResultTable.Format.JSON, false)).isEqualTo("""
            {"task":"s5","model":"ids4","layers":1,"n=8":0.40}
            {"task":"s5","model":"ids4","layers":2,"n=8":"diverged"}
            """);
    assertThat(ResultTable.minLayers(rows, 0.5)).contains("| s5 | ids4 | 1 |");
    assertThat(ResultTable.minLayers(rows, 0.9)).contains("| s5 | ids4 | >2 |");
  }

  // Grazzi et al.'s scaled accuracy: 0 at chance, 1 when right; 2 acc - 1 for parity's two
  // labels, (acc - 1/3) / (2/3) for counting modulo 3.
  @Test
  void scaled_isZeroAtChance() {
    List<ResultRow> rows = List.of(row("parity", "lstm", 1, 8, 1, 0.75),
        row("parity", "lstm", 1, 16, 1, 0.5));
    assertThat(ResultTable.scaled(rows)).extracting(ResultRow::sequenceAccuracy)
        .containsExactly(0.5, 0.0);
    ResultRow mod3 = row("modcount", "lstm", 1, 8, 1, 2.0 / 3);
    assertThat(ResultTable.scaled(List.of(mod3)).getFirst().sequenceAccuracy())
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ResultTable.accuracy(rows, ResultTable.Metric.SCALED, ResultTable.Agg.MAX))
        .contains("| parity | lstm | 1 | 0.50 | 0.00 |");
  }

  private static ResultRow diverged(ResultRow r) {
    return new ResultRow(r.id(), r.sweep(), r.specHash(), r.task(), r.taskOptions(), r.model(),
        r.label(), r.modelOptions(), r.layers(), r.dModel(), r.trainMin(), r.trainMax(),
        r.testLength(), r.steps(), r.batch(), r.lr(), r.trainOptions(), r.seed(),
        r.tokenAccuracy(), r.sequenceAccuracy(), Double.NaN, r.trainSeconds(), r.trainLoss(),
        r.commit(), r.jdk(), r.simd(), r.threads(), null, null, "step 3: the loss is NaN");
  }

  private static ResultRow row(String task, String label, int layers, int length, long seed,
      double sequenceAccuracy) {
    return new ResultRow("0123456789abcdef", "s", "h", task, Map.of(), label, label, Map.of(),
        layers, 32, 2, 4, length, 1, 1, 0.1, Map.of(), seed, sequenceAccuracy, sequenceAccuracy,
        0, 1, 0, "c", "25", true, 1, null, null, null);
  }
}
