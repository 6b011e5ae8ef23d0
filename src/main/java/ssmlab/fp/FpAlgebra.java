package ssmlab.fp;

import java.util.List;

/**
 * The F_p operations that {@link PaperFunctions} builds exp, log and sqrt from, for one meaning
 * of a number: exact floats ({@link FloatPAlgebra}) or circuit wires. Every operation computes the
 * exact result and rounds once into the format named (or the operands' format), so an algorithm
 * written against this interface gives the same bits in every meaning.
 *
 * @param <T> a float of some format
 */
public interface FpAlgebra<T> {
  FloatFormat format(T x);

  /** A constant float (of its own format). */
  T constant(FloatP c);

  /** round_to(x). */
  T convert(T x, FloatFormat to);

  /** round(x_1 + ... + x_n), all of one format. */
  T sum(List<T> xs);

  /** round(x_1 · ... · x_n), all of one format. */
  T product(List<T> xs);

  /** floor(x), exact. */
  T floor(T x);

  /** -x, exact. */
  T negate(T x);

  /** c ? a : b for c = [x &lt; y]; a and b of one format. */
  T lessThanSelect(T x, T y, T a, T b);

  /**
   * The value whose key equals x (all keys and values of x's format, resp. one format), zero
   * when none does.
   */
  T lookup(T x, List<FloatP> keys, List<FloatP> values);

  /** The exponent k of x = 2^k · (a number in [1, 2)) as an integer float of {@code to}; 0 for 0. */
  T exponent(T x, FloatFormat to);

  /** |x| / 2^k for that k: a number in [1, 2) of x's format; 0 for 0. */
  T mantissa(T x);

  /** round_to(x · 2^k) for an integer-valued k. */
  T scale(T x, T k, FloatFormat to);
}
