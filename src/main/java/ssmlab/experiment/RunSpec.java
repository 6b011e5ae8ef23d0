package ssmlab.experiment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssmlab.tasks.LengthRange;

/**
 * The full configuration of one training run: what the training loop needs to reproduce it, and
 * nothing else (its {@link RunId} is a hash of exactly these fields).
 *
 * @param task the task's registry name, e.g. {@code parity}
 * @param taskOptions the task's options (group, vocabulary size...), sorted by key
 * @param model the model family's registry name, e.g. {@code mamba}
 * @param label the name the report shows for this model configuration, e.g. {@code mamba[-1,1]}
 * @param modelOptions the model's options, sorted by key: {@code layers}, {@code d_model},
 *     {@code d_state}, {@code heads}, {@code eigenvalues}...
 * @param trainLengths the lengths training samples are drawn from
 * @param testLengths the lengths evaluated after training, ascending, no repeats
 * @param steps optimiser steps
 * @param batch sequences per step
 * @param lr peak learning rate
 * @param trainOptions further training settings (warmup, weight decay, samples per test
 *     length...), sorted by key
 * @param seed the seed every random choice of the run derives from
 */
public record RunSpec(
    String task,
    @JsonProperty("task_options") Map<String, Object> taskOptions,
    String model,
    String label,
    @JsonProperty("model_options") Map<String, Object> modelOptions,
    @JsonProperty("train_lengths") LengthRange trainLengths,
    @JsonProperty("test_lengths") List<Integer> testLengths,
    int steps,
    int batch,
    double lr,
    @JsonProperty("train_options") Map<String, Object> trainOptions,
    long seed) {

  public RunSpec {
    require(task != null && !task.isBlank(), "a run needs a task");
    require(model != null && !model.isBlank(), "a run needs a model");
    label = label == null || label.isBlank() ? model : label;
    require(trainLengths != null, "a run needs train lengths");
    require(testLengths != null && !testLengths.isEmpty(), "a run needs test lengths");
    testLengths = List.copyOf(testLengths);
    for (int i = 0; i < testLengths.size(); i++) {
      require(testLengths.get(i) >= 1, "test lengths must be positive: " + testLengths);
      require(i == 0 || testLengths.get(i - 1) < testLengths.get(i),
          "test lengths must be ascending without repeats: " + testLengths);
    }
    require(steps >= 0, "steps must be >= 0, not " + steps);
    require(batch >= 1, "batch must be >= 1, not " + batch);
    require(lr > 0 && Double.isFinite(lr), "lr must be positive, not " + lr);
    taskOptions = Canonical.sortedCopy(taskOptions);
    modelOptions = Canonical.sortedCopy(modelOptions);
    trainOptions = Canonical.sortedCopy(trainOptions);
  }

  /** The model's {@code layers} option, or null when the model leaves it to its default. */
  public Integer layers() {
    return modelOptions.get("layers") instanceof Number n ? n.intValue() : null;
  }

  /** The model's {@code d_model} option (its width), or null when not given. */
  public Integer dModel() {
    return modelOptions.get("d_model") instanceof Number n ? n.intValue() : null;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
