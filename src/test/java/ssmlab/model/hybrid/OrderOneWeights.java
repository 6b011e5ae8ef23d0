package ssmlab.model.hybrid;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.model.Models;
import ssmlab.model.ModelConfig;
import ssmlab.model.SequenceModel;
import ssmlab.nn.Parameter;

/**
 * Weights for finite-difference checks: at the reference init the Mamba delta-path gradients are
 * ~1e-7, below the float32 noise of finite differences, so (as MambaMixerTest does) every weight
 * is drawn O(1): delta ~ 0.5, the embedding (also the tied head) 0.5, the attention's qkv 0.3 so
 * that the softmax does not saturate.
 */
final class OrderOneWeights {

  private OrderOneWeights() {}

  /** A model of {@code config} with O(1) weights drawn from {@code seed}. */
  static SequenceModel create(ModelConfig config, long seed) {
    SequenceModel m = Models.create(config, seed);
    randomize(m.parameters(), seed);
    return m;
  }

  static void randomize(List<Parameter> params, long seed) {
    var rng = new SplittableRandom(seed);
    for (Parameter p : params) {
      float[] v = p.data();
      String n = p.name();
      for (int i = 0; i < v.length; i++) {
        double r = 2 * rng.nextDouble() - 1;
        v[i] = (float) (r * (n.endsWith("A_log") ? 0.5
            : n.endsWith("dt_proj.bias") ? 0.3
            : n.endsWith("embedding.weight") ? 0.5
            : n.contains(".qkv.") ? 0.3
            : 0.8) + (n.endsWith("norm.weight") || n.endsWith("norm_f.weight") ? 1 : 0));
      }
    }
  }
}
