package ssmlab.arith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The layers the reference models share, written once against an {@link Arithmetic}: weights as
 * constants, a linear map whose every entry is one iterated sum of rounded products (bias
 * included), RMSNorm, and the pre-norm residual stack that ends in RMSNorm and the head. The
 * Mamba and S4D references differ only in their mixers.
 *
 * @param <T> the number type of the arithmetic
 */
public final class ReferenceLayers<T> {
  private final Arithmetic<T> ar;
  private final T eps;
  private final T one;
  private final T dModel;

  /** The layers of a model of width {@code dModel} whose RMSNorms add {@code normEps}. */
  public ReferenceLayers(Arithmetic<T> ar, int dModel, double normEps) {
    this.ar = ar;
    this.eps = ar.positive(normEps);
    this.one = ar.one();
    this.dModel = ar.constant(dModel);
  }

  /**
   * Pre-norm residual blocks, {@code r = r + mixer(block, rmsNorm(r, block's norm))}, then
   * {@code head · rmsNorm(r, normF)} at every position: the logits (length, vocab).
   */
  public <B> List<List<T>> residualStack(List<List<T>> embedded, List<B> blocks,
      Function<B, List<T>> norm, BiFunction<B, List<List<T>>, List<List<T>>> mixer,
      List<T> normF, List<List<T>> head) {
    List<List<T>> r = embedded;
    for (B b : blocks) {
      List<T> weight = norm.apply(b);
      List<List<T>> normed = r.stream().map(x -> rmsNorm(x, weight)).toList();
      List<List<T>> out = mixer.apply(b, normed);
      List<List<T>> next = new ArrayList<>(r.size());
      for (int t = 0; t < r.size(); t++) {
        next.add(add(r.get(t), out.get(t)));
      }
      r = next;
    }
    List<List<T>> logits = new ArrayList<>(r.size());
    for (List<T> x : r) {
      List<T> h = rmsNorm(x, normF);
      logits.add(head.stream().map(row -> ar.dot(row, h)).toList());
    }
    return logits;
  }

  /** The row of {@code token} in {@code embedding}: a model's input at one position. */
  public static <T> List<T> embed(List<List<T>> embedding, int token) {
    if (token < 0 || token >= embedding.size()) {
      throw new IllegalArgumentException("token " + token + " outside the vocabulary of "
          + embedding.size());
    }
    return embedding.get(token);
  }

  /** The rows of {@code tokens} in {@code embedding}: the embedded sequence (length, d_model). */
  public static <T> List<List<T>> embed(List<List<T>> embedding, int[] tokens) {
    List<List<T>> x = new ArrayList<>(tokens.length);
    for (int t : tokens) {
      x.add(embed(embedding, t));
    }
    return x;
  }

  /** x * weight / sqrt(mean(x^2) + eps), each output one product of three factors. */
  public List<T> rmsNorm(List<T> x, List<T> weight) {
    T meanSquare = ar.divide(ar.dot(x, x), dModel);
    T rs = ar.divide(one, ar.sqrt(ar.add(meanSquare, eps)));
    List<T> y = new ArrayList<>(x.size());
    for (int i = 0; i < x.size(); i++) {
      y.add(ar.product(List.of(x.get(i), rs, weight.get(i))));
    }
    return y;
  }

  /** m x + bias (bias may be null): each entry one iterated sum of the rounded products. */
  public List<T> linear(List<List<T>> m, List<T> x, List<T> bias) {
    List<T> y = new ArrayList<>(m.size());
    for (int i = 0; i < m.size(); i++) {
      List<T> terms = new ArrayList<>(x.size() + 1);
      for (int j = 0; j < x.size(); j++) {
        terms.add(ar.multiply(m.get(i).get(j), x.get(j)));
      }
      if (bias != null) {
        terms.add(bias.get(i));
      }
      y.add(ar.sum(terms));
    }
    return y;
  }

  /** a + b, entry by entry. */
  public List<T> add(List<T> a, List<T> b) {
    List<T> s = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      s.add(ar.add(a.get(i), b.get(i)));
    }
    return s;
  }

  /** The weights {@code v} as constants (null for null: an absent bias). */
  public List<T> vector(double[] v) {
    if (v == null) {
      return null;
    }
    List<T> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(ar.constant(x));
    }
    return Collections.unmodifiableList(out);
  }

  /** The weight matrix {@code m} as constants, row by row. */
  public List<List<T>> matrix(double[][] m) {
    List<List<T>> out = new ArrayList<>(m.length);
    for (double[] row : m) {
      out.add(vector(row));
    }
    return Collections.unmodifiableList(out);
  }
}
