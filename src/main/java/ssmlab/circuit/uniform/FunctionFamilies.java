package ssmlab.circuit.uniform;

import java.util.List;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;

/**
 * The paper's function circuits ({@code circuit op --op fp-exp ... --functions paper}) as
 * addressed families: each function's {@link FunctionProgram} with its operations' parts composed
 * ({@link FunctionFamily}); {@link #of} refuses a program with an operation kind that has no
 * addressed part, naming it (none does today), and table circuits.
 */
public final class FunctionFamilies {
  /** The op names. */
  public static final List<String> OPS = FunctionProgram.FUNCTIONS.stream()
      .map(f -> "fp-" + f).toList();

  private FunctionFamilies() {}

  /** Whether {@code op} names one of the paper's functions. */
  public static boolean covers(String op) {
    return OPS.contains(op);
  }

  /**
   * The family of {@code op} for F_p with q exponent bits under {@code functions}.
   *
   * @throws IllegalArgumentException in one line: table circuits have no family; a program
   *     with an operation kind that has no part names it
   */
  public static AddressedFamily of(String op, int p, int q, Functions functions) {
    if (functions != Functions.PAPER) {
      throw new IllegalArgumentException(op + " --functions " + functions + " has no addressed"
          + " family: table circuits list every input (exponential in p + q); use --functions"
          + " paper");
    }
    FunctionProgram prog = FunctionProgram.record(op.substring(3), FloatFormat.of(p, q));
    String missing = prog.missing();
    if (missing.isEmpty()) {
      return new FunctionFamily(op + " --precision " + p + " --exponent-bits " + q
          + " --functions paper", prog);
    }
    throw new IllegalArgumentException(op + " --functions paper at --precision " + p
        + " --exponent-bits " + q + " has no addressed family yet: its program has "
        + prog.ops().size() + " operations, and "
        + (missing.isEmpty() ? "their parts are not composed into one family yet"
            : "these kinds have no addressed part: " + missing)
        + " (docs/circuits.md, \"The paper's functions: the program layer\")");
  }
}
