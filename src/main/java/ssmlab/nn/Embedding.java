package ssmlab.nn;

import java.util.List;
import java.util.SplittableRandom;

import ssmlab.tensor.Kernels;

/**
 * A token embedding table E of shape (vocab, dim): token ids (batch, len) to rows of E.
 *
 * <p>Parameter {@code <name>.weight} (vocab, dim), decayed, initialised N(0, std²) (the reference
 * Mamba LM uses std 0.02). Backward adds {@code dy[b, t]} into row {@code tokens[b, t]} of the
 * gradient, in token order (deterministic).
 */
public final class Embedding {

  private final int vocab;
  private final int dim;
  private final Parameter weight;
  private int[] tokens; // cached (rows)
  private int rows;
  private float[] y;

  /** An embedding with weights drawn from N(0, std²). */
  public Embedding(String name, int vocab, int dim, float std, SplittableRandom rng) {
    this.vocab = vocab;
    this.dim = dim;
    this.weight = new Parameter(name + ".weight", true, vocab, dim);
    Init.normal(weight.data(), std, rng);
  }

  /** The table (vocab, dim). */
  public Parameter weight() {
    return weight;
  }

  /** The embedding size. */
  public int dim() {
    return dim;
  }

  /** The number of token ids. */
  public int vocabSize() {
    return vocab;
  }

  /**
   * Looks up each token.
   *
   * @param tokens (batch, len) token ids in [0, vocab); not modified, kept until backward
   * @return (batch, len, dim), a layer-owned buffer
   * @throws IllegalArgumentException if a token id is out of range
   */
  public float[] forward(int[] tokens, int batch, int len) {
    this.tokens = tokens;
    this.rows = batch * len;
    y = Buffers.ensure(y, rows * dim);
    float[] e = weight.data();
    for (int r = 0; r < rows; r++) {
      int tok = tokens[r];
      if (tok < 0 || tok >= vocab) {
        throw new IllegalArgumentException(
            "token id " + tok + " at position " + r + " is outside the vocabulary [0, " + vocab
                + ")");
      }
      System.arraycopy(e, tok * dim, y, r * dim, dim);
    }
    return y;
  }

  /** Adds {@code dy} (batch, len, dim) into the rows of the gradient that the tokens selected. */
  public void backward(float[] dy) {
    float[] g = weight.grad();
    for (int r = 0; r < rows; r++) {
      Kernels.axpy(1f, dy, r * dim, g, tokens[r] * dim, dim);
    }
  }

  /** The parameters: the table. */
  public List<Parameter> parameters() {
    return List.of(weight);
  }
}
