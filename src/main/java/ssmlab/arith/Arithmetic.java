package ssmlab.arith;

import java.util.ArrayList;
import java.util.List;

/**
 * A number system that the reference models are written against once and run in three meanings:
 * {@code double} (checks the fast engine), exact F_p (the precision experiments) and circuit wires
 * (every operation emits gates).
 *
 * <p>Every operation is one operation of the paper's Definition A.3 and Lemmas 3.12-3.16: in F_p
 * it computes the exact result and rounds once. {@link #sum} and {@link #product} are the iterated
 * operations, rounded once over all their terms, not chains of binary operations.
 *
 * @param <T> a number: {@code Double}, {@code FloatP}, or a bundle of circuit wires
 */
public interface Arithmetic<T> {

  /** A short name for messages and tables, e.g. {@code "double"} or {@code "fp(p=8,q=5)"}. */
  String name();

  /** The value x (a weight or a constant of the model) rounded once into this number system. */
  T constant(double x);

  /**
   * A positive constant such as RMSNorm's epsilon: x rounded, but the smallest positive number
   * where x would round to zero, so that a format too narrow for x still never divides by zero.
   */
  default T positive(double x) {
    return constant(x);
  }

  T add(T a, T b);

  T subtract(T a, T b);

  T multiply(T a, T b);

  /** a / b; the divisor is never zero in the models. */
  T divide(T a, T b);

  T negate(T a);

  /** x_1 + ... + x_n rounded once (Lemma 3.12); the empty sum is 0. */
  T sum(List<T> xs);

  /** x_1 * ... * x_n rounded once (Lemma 3.12); the empty product is 1. */
  T product(List<T> xs);

  /** e^x (Lemma 3.14). */
  T exp(T x);

  /** ln x for x > 0 (Lemma B.3). */
  T log(T x);

  /** sqrt(x) for x >= 0 (Lemma 3.15). */
  T sqrt(T x);

  /** 1 / (1 + e^-x). */
  T sigmoid(T x);

  /** ln(1 + e^x) (Definition 3.20). */
  T softplus(T x);

  /** x * sigmoid(x) (Definition 3.19). */
  T silu(T x);

  /** The value of x as the nearest double, for reading results out. */
  double toDouble(T x);

  default T zero() {
    return constant(0);
  }

  default T one() {
    return constant(1);
  }

  /** a . b: each product rounded, then one iterated sum (the paper's matrix product entries). */
  default T dot(List<T> a, List<T> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("dot of lengths " + a.size() + " and " + b.size());
    }
    List<T> products = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      products.add(multiply(a.get(i), b.get(i)));
    }
    return sum(products);
  }
}
