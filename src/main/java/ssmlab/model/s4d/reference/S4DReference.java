package ssmlab.model.s4d.reference;

import java.util.ArrayList;
import java.util.List;
import ssmlab.arith.Arithmetic;
import ssmlab.arith.ReferenceLayers;
import ssmlab.model.s4d.S4DLM;
import ssmlab.tensor.Activations;

/**
 * The S4D language model's forward pass, written once against an {@link Arithmetic}: the same
 * model as the engine's {@code S4DLM}, in the number system {@code T}. Every weight enters
 * through {@link Arithmetic#constant}; every matrix-vector entry is one iterated sum of rounded
 * products (bias included).
 *
 * <p>Per block, on the RMS-normalised residual stream u (L, H) (as {@code S4DMixer}):
 * <pre>
 * y   = LtiSsm(u)                       convolution form (A.7-A.8) or recurrent form (A.5-A.6)
 * g   = y * sigmoid(2c (y + a y^3))     GELU, tanh form: 0.5 (1 + tanh(v)) = sigmoid(2v)
 * p   = out_proj(g) (2H);  out = p[:H] * sigmoid(p[H:])        GLU
 * </pre>
 * and {@code r = r + out}; then RMSNorm and the head, tied to the embedding. In the GELU,
 * {@code 2c y} is one rounded product and {@code 2ca y^3} one iterated product, then one sum.
 *
 * @param <T> the number type of the arithmetic
 */
public final class S4DReference<T> {
  private final Arithmetic<T> ar;
  private final S4DWeights w;
  private final LtiForm form;
  private final List<List<T>> embedding;
  private final List<List<T>> head;
  private final List<T> normF;
  private final List<Block<T>> blocks = new ArrayList<>();
  private final ReferenceLayers<T> layers;
  private final T geluLinear;
  private final T geluCubic;

  /** The weights as constants of {@code T}; one model for any number of sequences. */
  public S4DReference(Arithmetic<T> ar, S4DWeights w, LtiForm form) {
    this.ar = ar;
    this.w = w;
    this.form = form;
    layers = new ReferenceLayers<>(ar, w.config().dModel(), S4DLM.NORM_EPS);
    embedding = matrix(w.embedding());
    head = w.lmHead() == null ? embedding : matrix(w.lmHead());
    normF = vector(w.normF());
    for (S4DWeights.Layer l : w.layers()) {
      blocks.add(new Block<>(vector(l.norm()), new LtiSsm<>(ar, l.aBar(), l.bBar(), l.c(), l.d()),
          matrix(l.outProj()), vector(l.outProjBias())));
    }
    geluLinear = ar.constant(2.0 * Activations.GELU_C);
    geluCubic = ar.constant(2.0 * Activations.GELU_C * Activations.GELU_A);
  }

  public Arithmetic<T> arithmetic() {
    return ar;
  }

  public LtiForm form() {
    return form;
  }

  public S4DWeights weights() {
    return w;
  }

  /** The embedding row of {@code token}: the model's input at one position. */
  public List<T> embed(int token) {
    return ReferenceLayers.embed(embedding, token);
  }

  /** The logits (length, vocab) of a token sequence. */
  public List<List<T>> logits(int[] tokens) {
    return forward(ReferenceLayers.embed(embedding, tokens));
  }

  /** The logits (length, vocab) of an embedded sequence (length, d_model). */
  public List<List<T>> forward(List<List<T>> embedded) {
    return layers.residualStack(embedded, blocks, Block::norm, this::mixer, normF, head);
  }

  private List<List<T>> mixer(Block<T> b, List<List<T>> u) {
    List<List<T>> y = form == LtiForm.CONVOLUTION ? b.ssm.convolution(u) : b.ssm.recurrent(u);
    int h = b.outProj.size() / 2;
    List<List<T>> out = new ArrayList<>(y.size());
    for (List<T> yt : y) {
      List<T> g = yt.stream().map(this::gelu).toList();
      List<T> p = layers.linear(b.outProj, g, b.outProjBias);
      List<T> o = new ArrayList<>(h);
      for (int i = 0; i < h; i++) {
        o.add(ar.multiply(p.get(i), ar.sigmoid(p.get(h + i))));
      }
      out.add(o);
    }
    return out;
  }

  /** GELU, tanh form, as {@code x * sigmoid(2c x + 2ca x^3)}. */
  private T gelu(T x) {
    T v = ar.sum(List.of(ar.multiply(geluLinear, x), ar.product(List.of(geluCubic, x, x, x))));
    return ar.multiply(x, ar.sigmoid(v));
  }

  private List<T> vector(double[] v) {
    return layers.vector(v);
  }

  private List<List<T>> matrix(double[][] m) {
    return layers.matrix(m);
  }

  private record Block<T>(List<T> norm, LtiSsm<T> ssm, List<List<T>> outProj,
      List<T> outProjBias) {}
}
