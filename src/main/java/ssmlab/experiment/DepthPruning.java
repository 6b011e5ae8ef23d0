package ssmlab.experiment;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which runs cannot change the fewest layers that reach sequence accuracy T under the best-seed
 * aggregation ({@code results table --min-layers T --agg max}, as Merrill et al. report): a run
 * is redundant once a finished run of the same configuration with fewer layers, of any seed,
 * reaches T at every test length. The table then reads the same with or without it; other
 * aggregations (mean, median) and the per-layer accuracy cells need the full grid.
 */
public record DepthPruning(double threshold) {

  public DepthPruning {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--prune-deeper must be in (0, 1], not " + threshold);
    }
  }

  /** {@code runs} with the shallower ones first, the order otherwise kept. */
  static List<Run> shallowFirst(List<Run> runs) {
    return runs.stream().sorted(Comparator.comparingInt(DepthPruning::layersOrMax)).toList();
  }

  /**
   * The id of a finished run among {@code all} that makes {@code run} redundant, if there is one.
   */
  Optional<String> prunedBy(Run run, List<Run> all, ResultsDir dir) throws IOException {
    Integer layers = run.spec().layers();
    if (layers == null) {
      return Optional.empty();
    }
    RunSpec key = depthless(run.spec());
    for (Run other : all) {
      Integer l = other.spec().layers();
      if (l != null && l < layers && dir.isFinished(other.id())
          && depthless(other.spec()).equals(key) && solves(dir.readRun(other.id()).result())) {
        return Optional.of(other.id());
      }
    }
    return Optional.empty();
  }

  private boolean solves(RunResult result) {
    return result.metrics().stream().allMatch(m -> m.sequenceAccuracy() >= threshold);
  }

  /** {@code spec} with its layers and seed set aside. */
  private static RunSpec depthless(RunSpec spec) {
    Map<String, Object> options = new LinkedHashMap<>(spec.modelOptions());
    options.remove("layers");
    return new RunSpec(spec.task(), spec.taskOptions(), spec.model(), spec.label(), options,
        spec.trainLengths(), spec.testLengths(), spec.steps(), spec.batch(), spec.lr(),
        spec.trainOptions(), 0);
  }

  private static int layersOrMax(Run run) {
    Integer l = run.spec().layers();
    return l == null ? Integer.MAX_VALUE : l;
  }
}
