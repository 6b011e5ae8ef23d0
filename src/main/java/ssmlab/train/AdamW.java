package ssmlab.train;

import java.util.List;

import ssmlab.nn.Parameter;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", 2019), as PyTorch's
 * {@code torch.optim.AdamW}: per step t (from 1), for each parameter p with gradient g,
 * <pre>
 *   p ← p·(1 − lr·λ)                  only if p.weightDecay()
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   p ← p − lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
 * </pre>
 * Parameters whose layer marked them as not decayed (biases, norm gains, {@code A_log},
 * {@code D}) skip the first line. Moments are float32, updated in a fixed order.
 */
public final class AdamW {

  /** Hyper-parameters; the defaults follow the Mamba/GPT-3 recipe (β2 = 0.95, λ = 0.1). */
  public record Settings(double beta1, double beta2, double eps, double weightDecay) {

    /** Validates the ranges. */
    public Settings {
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("AdamW betas must lie in [0, 1)");
      }
      if (!(eps > 0) || !(weightDecay >= 0)) {
        throw new IllegalArgumentException("AdamW needs eps > 0 and weight decay >= 0");
      }
    }

    /** β = (0.9, 0.95), ε = 1e-8, λ = 0.1. */
    public static Settings defaults() {
      return new Settings(0.9, 0.95, 1e-8, 0.1);
    }
  }

  private final List<Parameter> params;
  private final Settings settings;
  private final float[][] m;
  private final float[][] v;
  private long step;

  /** An optimizer over {@code params} with zero moments. */
  public AdamW(List<Parameter> params, Settings settings) {
    this.params = List.copyOf(params);
    this.settings = settings;
    this.m = new float[params.size()][];
    this.v = new float[params.size()][];
    for (int i = 0; i < params.size(); i++) {
      m[i] = new float[params.get(i).size()];
      v[i] = new float[params.get(i).size()];
    }
  }

  /** The number of steps taken. */
  public long stepCount() {
    return step;
  }

  /** The first moment of parameter {@code i} (for checkpoints); the live array. */
  public float[] firstMoment(int i) {
    return m[i];
  }

  /** The second moment of parameter {@code i} (for checkpoints); the live array. */
  public float[] secondMoment(int i) {
    return v[i];
  }

  /** Restores the step count (with the moments, from a checkpoint). */
  public void setStepCount(long step) {
    this.step = step;
  }

  /** Takes one step with learning rate {@code lr} using the current gradients. */
  public void step(double lr) {
    step++;
    float b1 = (float) settings.beta1();
    float b2 = (float) settings.beta2();
    float c1 = (float) (1 / (1 - Math.pow(settings.beta1(), step)));
    float c2 = (float) (1 / (1 - Math.pow(settings.beta2(), step)));
    float eps = (float) settings.eps();
    float rate = (float) lr;
    float decay = (float) (1 - lr * settings.weightDecay());
    for (int k = 0; k < params.size(); k++) {
      Parameter p = params.get(k);
      float[] w = p.data();
      float[] g = p.grad();
      float[] mk = m[k];
      float[] vk = v[k];
      boolean decays = p.weightDecay() && settings.weightDecay() > 0;
      for (int i = 0; i < w.length; i++) {
        float gi = g[i];
        float mi = b1 * mk[i] + (1 - b1) * gi;
        float vi = b2 * vk[i] + (1 - b2) * gi * gi;
        mk[i] = mi;
        vk[i] = vi;
        float wi = decays ? w[i] * decay : w[i];
        w[i] = wi - rate * (mi * c1) / ((float) Math.sqrt(vi * c2) + eps);
      }
    }
  }
}
