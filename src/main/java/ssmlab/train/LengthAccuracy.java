package ssmlab.train;

/**
 * How a model does on fresh samples of one length.
 *
 * @param length the input length
 * @param tokenAccuracy the share of labelled positions whose argmax logit is the target
 * @param sequenceAccuracy the share of the {@code sequences} samples with a labelled position
 *     that have every labelled position right (0 when there are none)
 * @param loss the mean cross-entropy over labelled positions
 * @param sequences the samples with at least one labelled position: sequence accuracy's
 *     denominator
 * @param unlabelled the samples without a labelled position, which sequence accuracy leaves out
 *     (they have nothing to get right)
 */
public record LengthAccuracy(int length, double tokenAccuracy, double sequenceAccuracy,
    double loss, int sequences, int unlabelled) {}
