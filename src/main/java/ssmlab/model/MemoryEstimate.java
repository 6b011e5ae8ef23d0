package ssmlab.model;

import java.util.Locale;

/**
 * Rough sizes, checked against the heap before anything large is allocated, so that a size
 * nobody could run is one line naming the option instead of an {@link OutOfMemoryError} trace.
 *
 * <p>The model estimates count parameters by family (exact up to biases and norms) and, for a
 * training step, four floats per parameter (value, gradient, two AdamW moments) plus the
 * activations a step keeps for its backward pass: per token and layer, Mamba's states
 * ({@code d_inner * d_state}) and about 16 vectors of {@code d_inner}; the transformer's
 * attention probabilities ({@code heads * len} per token) and MLP; about 12 vectors of the
 * width for the others; and three vocabulary rows per token for the logits. They are meant to
 * be right within a factor of two: they refuse what cannot fit, not what nearly fits.
 */
public final class MemoryEstimate {

  /** Heap bytes a sample of the tasks keeps per position (its tokens, their JSON line). */
  public static final double SAMPLE_BYTES_PER_POSITION = 128;

  /** Heap bytes of one boxed number of the reference forward, with its list slot. */
  private static final double BOXED_BYTES = 64;

  private MemoryEstimate() {}

  /** The parameters a model of {@code config} has, without building it (roughly, for new ones). */
  public static double parameters(ModelConfig config) {
    ModelConfig c = Models.resolve(config);
    double d = c.dModel();
    double v = c.vocabSize();
    double layers = c.nLayers();
    return switch (c.family()) {
      // a hybrid's attention blocks (4 d^2) are smaller than its Mamba blocks (6 d^2 and more)
      case "mamba", "hybrid" -> {
        double e = c.intOption("expand") * d;
        double n = c.intOption("d_state");
        double r = c.intOption("dt_rank");
        double k = c.intOption("d_conv");
        yield v * d + layers * (3 * d * e + e * (k + 4) + e * (r + 2 * n) + r * e + e * n + d);
      }
      case "s4d" -> v * d + layers * (3 * d * c.intOption("d_state") + 2 * d * d + 6 * d);
      case "ids4" -> {
        double n = c.intOption("d_state");
        yield v * d + layers * (n * n * d + 2 * n * d + 3 * d * d + 6 * d);
      }
      case "deltanet" -> v * d + layers * (4 * d * d + 3 * c.intOption("d_conv") * d
          + (1 + c.intOption("householder")) * c.intOption("heads") * d + 4 * d);
      case "transformer" -> {
        double ratio = c.intOption("mlp_ratio");
        yield v * d + layers * ((4 + 2 * ratio) * d * d + 12 * d)
            + c.intOption("max_len") * d;
      }
      case "lstm", "rnn" -> {
        double h = c.intOption("hidden");
        yield v * d + layers * 4 * h * (d + h + 1) + h * v + v;
      }
      default -> v * d + layers * 16 * d * d;
    };
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
    double perLayer = switch (c.family()) {
      case "mamba", "hybrid" -> {
        double e = c.intOption("expand") * d;
        yield e * c.intOption("d_state") + 16 * e + 4 * d + 2.0 * len;
      }
      case "ids4" -> Math.pow(c.intOption("d_state"), 2) + 16 * d;
      case "deltanet" -> c.intOption("householder") * d * d / c.intOption("heads") + 16 * d;
      case "transformer" -> 2.0 * c.intOption("heads") * len
          + (12 + 2.0 * c.intOption("mlp_ratio")) * d;
      case "lstm", "rnn" -> 12 * Math.max(d, c.intOption("hidden"));
      default -> 16 * d;
    };
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
