package ssmlab.cli;

import picocli.CommandLine.Option;
import ssmlab.fp.FloatFormat;

/** The options {@code -p/--precision P} and {@code -q/--exponent-bits Q} that name an F_p format. */
final class FloatFormatOptions {

  @Option(names = {"-p", "--precision"}, paramLabel = "P",
      description = "significand bits p of the F_p format")
  Integer precision;

  @Option(names = {"-q", "--exponent-bits"}, paramLabel = "Q",
      description = "exponent bits q (default: p, at most 61)")
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

  /** The format of p significand and q exponent bits; q = p (at most 61) when q is null. */
  static FloatFormat format(int p, Integer q) {
    return q == null ? FloatFormat.of(p) : FloatFormat.of(p, q);
  }
}
