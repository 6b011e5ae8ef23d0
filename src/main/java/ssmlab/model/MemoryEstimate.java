package ssmlab.model;

import java.util.Locale;

/**
 * Rough sizes, checked against the heap before anything large is allocated, so that a size
 * nobody could run is one line naming the option instead of an {@link OutOfMemoryError} trace.
 *
 * <p>Each family says how many parameters it has and how many floats a token keeps per layer
 * ({@link MemoryModel}, on its {@link ModelSpec}); a training step then needs four floats per
 * parameter (value, gradient, two AdamW moments) plus the activations and three vocabulary rows
 * per token for the logits. The estimates are meant to be right within a factor of two: they
 * refuse what cannot fit, not what nearly fits.
 */
public final class MemoryEstimate {

  /** Heap bytes a sample of the tasks keeps per position (its tokens, their JSON line). */
  public static final double SAMPLE_BYTES_PER_POSITION = 128;

  /** Heap bytes of one boxed number of the reference forward, with its list slot. */
  private static final double BOXED_BYTES = 64;

  private MemoryEstimate() {}

  /** The parameters a model of {@code config} has, without building it (its family's estimate). */
  public static double parameters(ModelConfig config) {
    ModelConfig c = Models.resolve(config);
    return Models.spec(c.family()).memory().parameters(c);
  }

  /** Heap bytes of a model and one training step on {@code batch} sequences of {@code len}. */
  public static double trainingBytes(ModelConfig c, double batch, double len) {
    return 4 * (4 * parameters(c) + batch * len * activationsPerToken(c, len));
  }

  /** Heap bytes of a model and one forward pass on {@code batch} sequences of {@code len}. */
  public static double forwardBytes(ModelConfig c, double batch, double len) {
    return 4 * (parameters(c) + batch * len * activationsPerToken(c, len));
  }

  /**
   * Heap bytes of the reference forward (boxed numbers, {@code ssmlab.model.mamba.reference})
   * on one Mamba sequence of {@code len}: it keeps every position's deltaA and deltaB*u.
   */
  public static double referenceBytes(ModelConfig config, double len) {
    ModelConfig c = Models.resolve(config);
    double e = c.intOption("expand") * (double) c.dModel();
    return BOXED_BYTES * len * (c.nLayers() * (2 * e * c.intOption("d_state") + 24 * e)
        + 3.0 * c.vocabSize());
  }

  private static double activationsPerToken(ModelConfig config, double len) {
    ModelConfig c = Models.resolve(config);
    double d = c.dModel();
    double perLayer = Models.spec(c.family()).memory().activationsPerTokenAndLayer(c, len);
    return c.nLayers() * perLayer + 3.0 * c.vocabSize() + 4 * d;
  }

  /**
   * Refuses a model of {@code c} that would not fit for training, then a step on {@code batch}
   * sequences of {@code len}; {@code what} names the options of the step.
   */
  public static void requireTraining(ModelConfig c, double batch, double len, String what) {
    requireModel(c, 4);
    require(what, trainingBytes(c, batch, len));
  }

  /**
   * Refuses a model of {@code c} whose parameters, {@code floatsPerParameter} floats each (1 to
   * run it, 4 to train it), would not fit.
   */
  public static void requireModel(ModelConfig c, double floatsPerParameter) {
    double params = parameters(c);
    require(String.format(Locale.ROOT, "a %s model with %d layers and d_model %d (about %.2g "
        + "parameters)", c.family(), c.nLayers(), c.dModel(), params),
        4 * floatsPerParameter * params);
  }

  /**
   * Refuses {@code bytes} that would not fit in this JVM's heap.
   *
   * @param what the option and value responsible, e.g. {@code "--length 1000000000"}
   * @throws IllegalArgumentException naming {@code what}, the estimate and the heap
   */
  public static void require(String what, double bytes) {
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > 0.9 * heap) {
      throw new IllegalArgumentException(what + " needs about " + size(bytes)
          + " of memory, more than the " + size(heap) + " heap (a larger one: "
          + "SSMLAB_JVM_OPTS=-Xmx16g)");
    }
  }

  /** Bytes as a short human size: {@code 1.5 GB}. */
  public static String size(double bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    int u = 0;
    while (bytes >= 1024 && u < units.length - 1) {
      bytes /= 1024;
      u++;
    }
    return u == 0 ? (long) bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", bytes,
        units[u]);
  }
}
