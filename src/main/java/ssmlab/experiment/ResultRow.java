package ssmlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssmlab.io.Provenance;

/**
 * One row of the merged results: one run at one test length, with the run's configuration,
 * provenance and the metrics measured at that length. The column names are the JSON keys;
 * {@code sequences} (sequence accuracy's denominator) and {@code unlabelled} (sequences without
 * a labelled position, left out) are empty in results measured before they were recorded;
 * {@code diverged} is empty but in the rows of a run whose training went non-finite, where it
 * says where (its accuracies are 0: {@link RunResult}).
 */
public record ResultRow(
    String id,
    String sweep,
    @JsonProperty("spec_hash") String specHash,
    String task,
    @JsonProperty("task_options") Map<String, Object> taskOptions,
    String model,
    String label,
    @JsonProperty("model_options") Map<String, Object> modelOptions,
    Integer layers,
    @JsonProperty("d_model") Integer dModel,
    @JsonProperty("train_min") int trainMin,
    @JsonProperty("train_max") int trainMax,
    @JsonProperty("test_length") int testLength,
    int steps,
    int batch,
    double lr,
    @JsonProperty("train_options") Map<String, Object> trainOptions,
    long seed,
    @JsonProperty("token_accuracy") double tokenAccuracy,
    @JsonProperty("sequence_accuracy") double sequenceAccuracy,
    double loss,
    @JsonProperty("train_seconds") double trainSeconds,
    @JsonProperty("train_loss") double trainLoss,
    String commit,
    String jdk,
    boolean simd,
    int threads,
    Integer sequences,
    Integer unlabelled,
    String diverged) {

  /** The rows of one run, one per test length, in test-length order. */
  public static List<ResultRow> of(RunRecord r) {
    RunSpec s = r.spec();
    Provenance p = r.provenance();
    List<ResultRow> rows = new ArrayList<>();
    for (LengthMetrics m : r.result().metrics()) {
      rows.add(new ResultRow(r.id(), r.sweep(), r.specHash(), s.task(), s.taskOptions(),
          s.model(), s.label(), s.modelOptions(), s.layers(), s.dModel(), s.trainLengths().min(),
          s.trainLengths().max(), m.length(), s.steps(), s.batch(), s.lr(), s.trainOptions(),
          s.seed(), m.tokenAccuracy(), m.sequenceAccuracy(), m.loss(),
          r.result().trainSeconds(), r.result().trainLoss(), p.commit(), p.jdk(), p.simd(),
          p.threads(), m.sequences(), m.unlabelled(), r.result().diverged()));
    }
    return rows;
  }

  /** This row with other accuracies (e.g. rescaled against chance); every other column kept. */
  public ResultRow withAccuracies(double token, double sequence) {
    return new ResultRow(id, sweep, specHash, task, taskOptions, model, label, modelOptions,
        layers, dModel, trainMin, trainMax, testLength, steps, batch, lr, trainOptions, seed,
        token, sequence, loss, trainSeconds, trainLoss, commit, jdk, simd, threads, sequences,
        unlabelled, diverged);
  }
}
