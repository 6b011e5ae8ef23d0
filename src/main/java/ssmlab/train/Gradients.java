package ssmlab.train;

import java.util.List;

import ssmlab.nn.Parameter;

/** Global-norm gradient clipping and the finiteness checks that stop a diverging run. */
public final class Gradients {

  private Gradients() {}

  /** The global L2 norm of all gradients, summed in double in parameter order. */
  public static double globalNorm(List<Parameter> params) {
    double s = 0;
    for (Parameter p : params) {
      for (float g : p.grad()) {
        s += (double) g * g;
      }
    }
    return Math.sqrt(s);
  }

  /**
   * Scales all gradients by {@code maxNorm / norm} when their global norm exceeds {@code maxNorm}
   * (as {@code torch.nn.utils.clip_grad_norm_}).
   *
   * @return the norm before clipping
   */
  public static double clipGlobalNorm(List<Parameter> params, double maxNorm) {
    double norm = globalNorm(params);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Parameter p : params) {
        float[] g = p.grad();
        for (int i = 0; i < g.length; i++) {
          g[i] *= scale;
        }
      }
    }
    return norm;
  }

  /**
   * Stops the run at the first non-finite value: the loss, then each parameter's gradient, then
   * its values.
   *
   * @throws NonFiniteException naming the step and the tensor
   */
  public static void requireFinite(long step, double loss, List<Parameter> params) {
    // The weights first, then the gradients, then the loss: a bad weight is the cause a user can
    // act on, and it poisons every gradient and the loss after it.
    for (Parameter p : params) {
      int i = firstNonFinite(p.data());
      if (i >= 0) {
        throw new NonFiniteException("step " + step + ": parameter " + p.name() + " is "
            + p.data()[i] + " at index " + i);
      }
    }
    for (Parameter p : params) {
      int i = firstNonFinite(p.grad());
      if (i >= 0) {
        throw new NonFiniteException("step " + step + ": the gradient of " + p.name() + " is "
            + p.grad()[i] + " at index " + i);
      }
    }
    if (!Double.isFinite(loss)) {
      throw new NonFiniteException("step " + step + ": the loss is " + loss);
    }
  }


  private static int firstNonFinite(float[] a) {
    for (int i = 0; i < a.length; i++) {
      if (!Float.isFinite(a[i])) {
        return i;
      }
    }
    return -1;
  }

  /** A NaN or infinity appeared in training; the message names the step and the tensor. */
  public static final class NonFiniteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NonFiniteException(String message) {
      super(message);
    }
  }
}
