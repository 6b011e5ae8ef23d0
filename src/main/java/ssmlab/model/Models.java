package ssmlab.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ssmlab.model.recurrent.RecurrentModels;
import ssmlab.model.transformer.Transformer;

/**
 * The registry of model families: builds a {@link SequenceModel} from a {@link ModelConfig} and a
 * seed. A family joins with one line in {@link #FAMILIES}.
 */
public final class Models {

  /** Builds a model of one family; draws every initial value from {@code rng} in a fixed order. */
  @FunctionalInterface
  public interface Factory {
    SequenceModel create(ModelConfig config, SplittableRandom rng);
  }

  private static final Map<String, Factory> FAMILIES = new LinkedHashMap<>();

  static {
    // One line per family: FAMILIES.put("name", Constructor::new);
    FAMILIES.put("mamba", ssmlab.model.mamba.MambaLM::create);
    FAMILIES.put("s4d", ssmlab.model.s4d.S4DLM::create);
    FAMILIES.put("transformer", Transformer::create);
    FAMILIES.put("lstm", RecurrentModels::lstm);
    FAMILIES.put("rnn", RecurrentModels::rnn);
  }

  private Models() {}

  /** The registered family names, in registration order. */
  public static List<String> families() {
    return List.copyOf(FAMILIES.keySet());
  }

  /**
   * A freshly initialised model.
   *
   * @throws IllegalArgumentException for an unknown family or bad options
   */
  public static SequenceModel create(ModelConfig config, long seed) {
    Factory f = FAMILIES.get(config.family());
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown model family '" + config.family() + "' (known: " + families() + ")");
    }
    return f.create(config, new SplittableRandom(seed));
  }
}
