package ssmlab.cli;

import ssmlab.fp.FloatPArray;
import ssmlab.model.mamba.reference.MambaFloatP;
import ssmlab.tensor.Parallel;
import ssmlab.train.Evaluator;

/**
 * The bulk F_p Mamba forward ({@link MambaFloatP}) as an {@link Evaluator.Forward}: the same
 * logits as {@link ReferenceForward} over {@code FloatPArithmetic}, bit for bit. Each sequence
 * runs on its own, in parallel on the engine's threads; a sequence's logits do not depend on
 * which thread computes it, so the result is the same for any thread count.
 */
final class BulkFpForward implements Evaluator.Forward {
  private final MambaFloatP model;

  BulkFpForward(MambaFloatP model) {
    this.model = model;
  }

  @Override
  public float[] logits(int[] tokens, int batch, int len) {
    int vocab = model.weights().head().length;
    float[] out = new float[batch * len * vocab];
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int[] seq = new int[len];
        System.arraycopy(tokens, b * len, seq, 0, len);
        FloatPArray logits = model.logits(seq);
        for (int i = 0; i < len * vocab; i++) {
          out[b * len * vocab + i] = (float) logits.get(i).toDouble();
        }
      }
    });
    return out;
  }
}
