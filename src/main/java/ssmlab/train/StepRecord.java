package ssmlab.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One training step as the metrics file records it.
 *
 * @param step 0-based step
 * @param length the sequence length of the step's batch
 * @param loss mean cross-entropy over the labelled positions
 * @param lr the learning rate used
 * @param gradNorm the global gradient norm before clipping
 * @param seconds wall-clock time since training started
 */
public record StepRecord(int step, int length, double loss, double lr,
    @JsonProperty("grad_norm") double gradNorm,
    double seconds) {}
