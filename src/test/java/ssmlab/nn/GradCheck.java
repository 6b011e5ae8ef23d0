package ssmlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import ssmlab.model.SequenceModel;

/**
 * Finite-difference gradient checks for any layer, model or hand-written backward.
 *
 * <p>The check: pick a fixed random projection r of the output and use the scalar loss
 * {@code L = Σ r_i·y_i}, summed in double. The analytic gradient comes from backward with
 * {@code dy = r}; the numeric one from central differences
 * {@code (L(v + h) − L(v − h)) / (v₊ − v₋)}, where {@code v₊, v₋} are the float32 values actually
 * stored (so the step is exact). The forward runs in float32, so the numeric gradient carries
 * rounding noise of about {@code 1e-7·|L|/h}; with small sizes, O(1) values and h = 5e-3 the
 * truncation error (O(h²)) and the noise both stay near 1e-4 relative, and a tolerance of 1e-2
 * separates real bugs (errors of order 1) from noise with a wide margin.
 *
 * <p>The numeric estimate is taken at h and at h/2; their difference u is the estimate's own
 * uncertainty (float32 rounding noise plus truncation), and only the part of the disagreement
 * beyond it counts. The error of one coordinate is
 * {@code max(0, |a − n| − u) / max(|a| + |n|, floor)} with floor = 1e-2 × the largest analytic
 * magnitude in that tensor (so coordinates whose gradient is ~0 do not blow up the ratio). A wrong
 * backward moves a away from n while u stays at the noise level, so it still fails. A
 * {@link Report} keeps the worst coordinate of each tensor.
 */
public final class GradCheck {

  /** Default finite-difference step. */
  public static final double EPS = 5e-3;
  /** Default tolerance on the worst relative error. */
  public static final double TOLERANCE = 1e-2;

  /** A tensor to check: the values perturbed in place and where its analytic gradient lands. */
  public record Probe(String name, float[] value, float[] grad) {}

  /** The worst coordinate of one tensor. */
  public record Worst(String name, int index, double analytic, double numeric, double error) {}

  /** The result of a check: the worst coordinate per tensor. */
  public record Report(List<Worst> perTensor) {

    /** The largest error over all tensors (0 when nothing was checked). */
    public double maxError() {
      return perTensor.stream().mapToDouble(Worst::error).max().orElse(0);
    }

    @Override
    public String toString() {
      var sb = new StringBuilder();
      for (Worst w : perTensor) {
        sb.append(String.format("%s[%d]: analytic %.6g numeric %.6g error %.3g%n", w.name(),
            w.index(), w.analytic(), w.numeric(), w.error()));
      }
      return sb.toString();
    }
  }

  private GradCheck() {}

  /**
   * Compares analytic and numeric gradients.
   *
   * @param probes the tensors to perturb, with their analytic gradients
   * @param loss evaluates the scalar loss from the current values (runs a forward)
   * @param analytic fills every probe's {@code grad} (zero it first, then forward + backward)
   * @param maxPerProbe at most this many coordinates per tensor (chosen at random), all if fewer
   */
  public static Report check(List<Probe> probes, DoubleSupplier loss, Runnable analytic,
      double eps, int maxPerProbe, SplittableRandom rng) {
    analytic.run();
    List<float[]> grads = new ArrayList<>();
    for (Probe p : probes) {
      grads.add(p.grad().clone());
    }
    List<Worst> worst = new ArrayList<>();
    for (int k = 0; k < probes.size(); k++) {
      Probe p = probes.get(k);
      float[] g = grads.get(k);
      double scale = 0;
      for (float v : g) {
        scale = Math.max(scale, Math.abs(v));
      }
      double floor = Math.max(1e-2 * scale, 1e-6);
      Worst w = new Worst(p.name(), -1, 0, 0, 0);
      for (int idx : pick(p.value().length, maxPerProbe, rng)) {
        double numeric = centralDifference(p.value(), idx, eps, loss);
        double uncertainty = Math.abs(numeric - centralDifference(p.value(), idx, eps / 2, loss));
        double a = g[idx];
        double err = Math.max(0, Math.abs(a - numeric) - uncertainty)
            / Math.max(Math.abs(a) + Math.abs(numeric), floor);
        if (err >= w.error() || w.index() < 0) {
          w = new Worst(p.name(), idx, a, numeric, err);
        }
      }
      worst.add(w);
    }
    return new Report(worst);
  }

  /**
   * Checks a layer's input gradient and all its parameter gradients, on a random input of shape
   * (batch, len, inputDim) drawn from U(-1, 1).
   */
  public static Report checkLayer(Layer layer, int batch, int len, long seed) {
    var rng = new SplittableRandom(seed);
    float[] x = new float[batch * len * layer.inputDim()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * rng.nextDouble() - 1);
    }
    return checkLayer(layer, x, batch, len, seed);
  }

  /** Like {@link #checkLayer(Layer, int, int, long)} with a given input. */
  public static Report checkLayer(Layer layer, float[] x, int batch, int len, long seed) {
    var rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    float[] r = randomProjection(batch * len * layer.outputDim(), rng);
    float[] dx = new float[x.length];
    List<Probe> probes = new ArrayList<>();
    probes.add(new Probe("input", x, dx));
    for (Parameter p : layer.parameters()) {
      probes.add(new Probe(p.name(), p.data(), p.grad()));
    }
    DoubleSupplier loss = () -> dot(layer.forward(x, batch, len), r);
    Runnable analytic = () -> {
      for (Parameter p : layer.parameters()) {
        p.zeroGrad();
      }
      layer.forward(x, batch, len);
      float[] g = layer.backward(r);
      System.arraycopy(g, 0, dx, 0, dx.length);
    };
    return check(probes, loss, analytic, EPS, 64, rng);
  }

  /** Checks all parameter gradients of a model on the given tokens. */
  public static Report checkModel(SequenceModel model, int[] tokens, int batch, int len,
      long seed, int maxPerProbe) {
    var rng = new SplittableRandom(seed);
    float[] r = randomProjection(batch * len * model.vocabSize(), rng);
    List<Probe> probes = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      probes.add(new Probe(p.name(), p.data(), p.grad()));
    }
    DoubleSupplier loss = () -> dot(model.forward(tokens, batch, len), r);
    Runnable analytic = () -> {
      model.zeroGrad();
      model.forward(tokens, batch, len);
      model.backward(r);
    };
    return check(probes, loss, analytic, EPS, maxPerProbe, rng);
  }

  /** A float vector with entries from U(-1, 1). */
  public static float[] randomProjection(int n, SplittableRandom rng) {
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = (float) (2 * rng.nextDouble() - 1);
    }
    return r;
  }

  /** {@code Σ y_i·r_i} in double. */
  public static double dot(float[] y, float[] r) {
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      s += (double) y[i] * r[i];
    }
    return s;
  }

  /** {@code (L(v + h) − L(v − h)) / (v₊ − v₋)} at one coordinate, restoring the value after. */
  private static double centralDifference(float[] value, int idx, double h, DoubleSupplier loss) {
    float v = value[idx];
    float plus = (float) (v + h);
    float minus = (float) (v - h);
    value[idx] = plus;
    double lp = loss.getAsDouble();
    value[idx] = minus;
    double lm = loss.getAsDouble();
    value[idx] = v;
    return (lp - lm) / ((double) plus - minus);
  }

  private static int[] pick(int n, int max, SplittableRandom rng) {
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] idx = new int[max];
    for (int i = 0; i < max; i++) {
      idx[i] = rng.nextInt(n);
    }
    return idx;
  }
}
