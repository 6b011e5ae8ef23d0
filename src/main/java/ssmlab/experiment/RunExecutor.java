package ssmlab.experiment;

/**
 * Trains and evaluates one run: the seam where the training loop plugs into the sweep runner.
 *
 * <p>Implementations must be safe to call from several worker threads at once (each call gets its
 * own run) and deterministic: the same spec and thread count give the same result bits, apart
 * from {@link RunResult#trainSeconds()}.
 */
@FunctionalInterface
public interface RunExecutor {

  /**
   * Runs {@code spec} to completion.
   *
   * @param spec the run. Not modified.
   * @param threads how many threads the run may use for its own kernels
   * @return per-test-length metrics, one per {@link RunSpec#testLengths()} entry, in order
   * @throws Exception when the run fails; the runner records nothing for it, so a rerun retries
   */
  RunResult execute(RunSpec spec, int threads) throws Exception;

  /**
   * Checks that {@code spec} can run (the task and model exist, their options are valid) without
   * running it. The runner checks every run of the sweep, in every shard, before it starts, so a
   * typo fails at once rather than run by run on a cluster.
   *
   * @throws IllegalArgumentException with a one-line message when the run cannot be run
   */
  default void validate(RunSpec spec) {}

  /**
   * This executor, also writing each trained model as a run folder {@code models/<id>} (that
   * {@code eval}, {@code circuit model} and {@code eval --arith fp} read) under {@code dir}.
   *
   * @throws IllegalArgumentException when this executor trains no models to keep
   */
  default RunExecutor keepingModels(java.nio.file.Path dir) {
    throw new IllegalArgumentException("--keep-models: this sweep trains no models to keep");
  }
}
