package ssmlab.cli;

import java.util.List;
import ssmlab.fp.FloatFormat;

/**
 * The F_p format of each sequence length for {@code circuit scale}: fixed by
 * {@code --precision}/{@code --exponent-bits}, or a function of n by {@code --precision-rule}
 * and {@code --exponent-rule} ({@link PrecisionRule}). Under a precision rule q = p unless
 * q is given, as the paper takes q = p.
 */
final class LengthFormats {
  private final CompiledModelOptions options;
  private final PrecisionRule precision;
  private final PrecisionRule exponent;

  /** The rules as given (null where absent); a rule and its fixed option together are refused. */
  LengthFormats(CompiledModelOptions options, String precisionRule, String exponentRule) {
    this.options = options;
    if (precisionRule != null && options.fp.precision != null) {
      throw new IllegalArgumentException("give --precision or --precision-rule, not both");
    }
    if (exponentRule != null && options.fp.exponentBits != null) {
      throw new IllegalArgumentException("give --exponent-bits or --exponent-rule, not both");
    }
    precision = precisionRule == null ? null
        : PrecisionRule.parse("--precision-rule", precisionRule);
    exponent = exponentRule == null ? null
        : PrecisionRule.parse("--exponent-rule", exponentRule);
  }

  /** Whether p or q depends on n. */
  boolean varies() {
    return precision != null || exponent != null;
  }

  /** The lengths a rule of pairs lists, for when {@code --lengths} is not given. */
  List<Integer> listedLengths() {
    for (PrecisionRule r : new PrecisionRule[] {precision, exponent}) {
      if (r != null && !r.lengths().isEmpty()) {
        return r.lengths();
      }
    }
    throw new IllegalArgumentException("--lengths is required unless --precision-rule or "
        + "--exponent-rule lists N:BITS pairs");
  }

  /** The checked format at length n. */
  FloatFormat at(int n) {
    int p = precision != null ? precision.at(n) : options.fp.precision(4);
    int q = exponent != null ? exponent.at(n) : options.fp.exponentBits(p);
    try {
      return options.format(p, q);
    } catch (IllegalArgumentException e) {
      throw varies() ? new IllegalArgumentException("at n = " + n + ": " + e.getMessage()) : e;
    }
  }
}
