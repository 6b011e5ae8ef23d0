package ssmlab.nn;

import ssmlab.tensor.Kernels;
import ssmlab.tensor.Parallel;

/**
 * Softmax cross-entropy over the last dimension, averaged over the labelled positions only.
 *
 * <p>A target {@code < 0} ({@link #IGNORE}) marks an unlabelled position: it adds nothing to the
 * loss and gets a zero gradient. With n labelled rows, {@code loss = (1/n)·Σ_r (logsumexp(z_r) −
 * z_r[target_r])} and {@code dz_r = (softmax(z_r) − onehot(target_r)) / n}. Row losses are
 * summed in double in row order (deterministic); the exponentials use the vector kernel.
 */
public final class CrossEntropy {

  /** The target of a position that carries no label. */
  public static final int IGNORE = -1;

  private float[] rowLoss;
  private float[] grad;

  /**
   * The mean loss over labelled rows, and its gradient in {@link #gradient()}.
   *
   * @param logits (rows, vocab), not modified
   * @param targets (rows) in [0, vocab) or negative for unlabelled, not modified
   * @return the mean loss, 0 when no row is labelled
   * @throws IllegalArgumentException if a target is {@code >= vocab}
   */
  public double forwardBackward(float[] logits, int[] targets, int rows, int vocab) {
    grad = Buffers.ensure(grad, rows * vocab);
    double loss = compute(logits, targets, rows, vocab, true);
    return loss;
  }

  /** The mean loss over labelled rows, without a gradient (evaluation). */
  public double loss(float[] logits, int[] targets, int rows, int vocab) {
    return compute(logits, targets, rows, vocab, false);
  }

  /** dLoss/dLogits from the last {@link #forwardBackward}, (rows, vocab); a reused buffer. */
  public float[] gradient() {
    return grad;
  }

  /** The number of labelled rows (targets {@code >= 0}). */
  public static int labelled(int[] targets, int rows) {
    int n = 0;
    for (int r = 0; r < rows; r++) {
      if (targets[r] >= 0) {
        n++;
      }
    }
    return n;
  }

  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(
      () -> new float[1][0]);

  private static float[] scratch(int n) {
    float[][] box = SCRATCH.get();
    if (box[0].length < n) {
      box[0] = new float[n];
    }
    return box[0];
  }

  private double compute(float[] logits, int[] targets, int rows, int vocab, boolean withGrad) {
    rowLoss = Buffers.ensure(rowLoss, rows);
    int count = labelled(targets, rows);
    float inv = count == 0 ? 0f : 1f / count;
    Parallel.forRange(rows, 32, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int o = r * vocab;
        int t = targets[r];
        if (t >= vocab) {
          throw new IllegalArgumentException(
              "target " + t + " at position " + r + " is outside the vocabulary [0, " + vocab
                  + ")");
        }
        if (t < 0) {
          rowLoss[r] = 0f;
          if (withGrad) {
            java.util.Arrays.fill(grad, o, o + vocab, 0f);
          }
          continue;
        }
        // e_j = exp(z_j − max) into a scratch row, then lse = max + log Σ e_j
        float[] e = withGrad ? grad : scratch(vocab);
        int eo = withGrad ? o : 0;
        float max = Kernels.max(logits, o, vocab);
        for (int j = 0; j < vocab; j++) {
          e[eo + j] = logits[o + j] - max;
        }
        Kernels.exp(e, eo, e, eo, vocab);
        float s = Kernels.sum(e, eo, vocab);
        float lse = max + (float) Math.log(s);
        rowLoss[r] = lse - logits[o + t];
        if (withGrad) {
          Kernels.scale(grad, o, vocab, inv / s);
          grad[o + t] -= inv;
        }
      }
    });
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      sum += rowLoss[r];
    }
    return count == 0 ? 0 : sum / count;
  }
}
