package ssmlab.cli;

import picocli.CommandLine.Option;
import ssmlab.fp.FloatFormat;

/**
 * The options that name an F_p format, the same in every command ({@code fp}, {@code eval},
 * {@code model forms}, {@code circuit op|model|scale}): {@code -p/--precision P} and
 * {@code -q/--exponent-bits Q}, with q = p (at most 61) when only p is given. Where a command has
 * a default p, its help says so.
 */
final class FloatFormatOptions {

  @Option(names = {"-p", "--precision"}, paramLabel = "P",
      description = "significand bits p of the F_p format (for int-* circuits: the width)")
  Integer precision;

  @Option(names = {"-q", "--exponent-bits"}, paramLabel = "Q",
      description = "exponent bits q: exponents in [-2^q, 2^q) (default: p, at most 61)")
  Integer exponentBits;

  /** Whether either option was given. */
  boolean given() {
    return precision != null || exponentBits != null;
  }

  /** The format; {@code what} names the use in the error when --precision is missing. */
  FloatFormat format(String what) {
    if (precision == null) {
      throw new IllegalArgumentException(what + " needs --precision P");
    }
    return format(precision, exponentBits);
  }

  /** The format, p = {@code defaultPrecision} when --precision is not given. */
  FloatFormat format(int defaultPrecision) {
    return format(precision(defaultPrecision), exponentBits);
  }

  /** --precision, or {@code defaultPrecision}. */
  int precision(int defaultPrecision) {
    return precision != null ? precision : defaultPrecision;
  }

  /** --exponent-bits, or its default for p: p, at most 61. */
  int exponentBits(int p) {
    return exponentBits != null ? exponentBits : Math.min(p, 61);
  }

  /** The format of p significand and q exponent bits; q = p (at most 61) when q is null. */
  static FloatFormat format(int p, Integer q) {
    return q == null ? FloatFormat.of(p) : FloatFormat.of(p, q);
  }
}
