package ssmlab.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A result row reduced to what the charts use, with the name of the line it belongs to.
 *
 * @param task the task
 * @param label the model's label, e.g. {@code mamba[-1,1]}
 * @param config the line's name: the label plus the grid axes other than layers that vary within
 *     the task (width {@code d32}, train range {@code train 3-40})
 * @param layers the model's layers, or null
 * @param trainMin shortest train length
 * @param trainMax longest train length
 * @param testLength the test length
 * @param seed the run's seed
 * @param tokenAccuracy token accuracy at the test length
 * @param sequenceAccuracy sequence accuracy at the test length
 * @param loss loss at the test length
 * @param diverged whether the run's training went non-finite (its accuracies are then 0)
 */
public record ChartRow(
    String task,
    String label,
    String config,
    Integer layers,
    @JsonProperty("train_min") int trainMin,
    @JsonProperty("train_max") int trainMax,
    @JsonProperty("test_length") int testLength,
    long seed,
    @JsonProperty("token_accuracy") double tokenAccuracy,
    @JsonProperty("sequence_accuracy") double sequenceAccuracy,
    double loss,
    boolean diverged) {}
