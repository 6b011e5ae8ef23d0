package ssmlab.train;

/**
 * How a model does on fresh samples of one length.
 *
 * @param length the input length
 * @param tokenAccuracy the share of labelled positions whose argmax logit is the target
 * @param sequenceAccuracy the share of samples with every labelled position right
 * @param loss the mean cross-entropy over labelled positions
 */
public record LengthAccuracy(int length, double tokenAccuracy, double sequenceAccuracy,
    double loss) {}
