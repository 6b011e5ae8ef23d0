package ssmlab.cli;

import java.util.List;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.tensor.Parallel;
import ssmlab.train.Evaluator;

/**
 * The reference Mamba forward in some number system as an {@link Evaluator.Forward}: each
 * sequence of a batch runs on its own (in parallel on the engine's threads) and its logits are
 * read out as floats (exact for F_p with p <= 24 in float's exponent range).
 */
final class ReferenceForward<T> implements Evaluator.Forward {
  private final MambaReference<T> reference;

  ReferenceForward(MambaReference<T> reference) {
    this.reference = reference;
  }

  @Override
  public float[] logits(int[] tokens, int batch, int len) {
    int vocab = reference.weights().head().length;
    float[] out = new float[batch * len * vocab];
    Parallel.forRange(batch, 1, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int[] seq = new int[len];
        System.arraycopy(tokens, b * len, seq, 0, len);
        List<List<T>> logits = reference.logits(seq);
        for (int t = 0; t < len; t++) {
          for (int v = 0; v < vocab; v++) {
            out[(b * len + t) * vocab + v] =
                (float) reference.arithmetic().toDouble(logits.get(t).get(v));
          }
        }
      }
    });
    return out;
  }
}
