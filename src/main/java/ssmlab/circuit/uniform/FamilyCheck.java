package ssmlab.circuit.uniform;

import java.util.function.Function;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Replay;

/**
 * The whole check of an integer or F_p family at one size: the query against the verbatim build
 * ({@link Agreement}), then simplification as a separate pass: the verbatim build replayed
 * through the simplifying builder must be, gate for gate, the circuit the builder code makes
 * directly (the one {@code circuit op} prints and the tests verify bit for bit).
 *
 * @param agreement the query against the verbatim build
 * @param liveGates gates of the verbatim circuit after {@code build()}, which drops the gates no
 *     output depends on
 * @param simplifiedGates gates of the simplified circuit
 * @param simplificationDifference where the replayed and the direct circuit first differ; null
 *     when identical
 */
public record FamilyCheck(Agreement agreement, int liveGates, int simplifiedGates,
    String simplificationDifference) {

  /** Gates beyond which a check is refused: the verbatim build would not fit a small heap. */
  public static final long MAX_GATES = 4_000_000;

  public boolean passes() {
    return agreement.agrees() && simplificationDifference == null;
  }

  /** The first difference of either part; null when both pass. */
  public String firstDifference() {
    return agreement.agrees() ? simplificationDifference == null ? null
        : "simplified circuit: " + simplificationDifference : agreement.firstDifference();
  }

  public static FamilyCheck run(String op, int p, int n) {
    return run(IntFamilies.of(op, p, n), b -> IntFamilies.build(op, p, n, b));
  }

  /** The check of an F_p family ({@link FpFamilies}) for p-bit significands, q-bit exponents. */
  public static FamilyCheck runFp(String op, int p, int q, int n) {
    return run(FpFamilies.of(op, p, q, n), b -> FpFamilies.build(op, p, q, n, b));
  }

  /** The check of {@code family} against {@code build}, the builder code it describes. */
  static FamilyCheck run(AddressedFamily family, Function<CircuitBuilder, int[]> build) {
    long wires = family.gateCount() > MAX_GATES ? Long.MAX_VALUE : wires(family);
    if (wires > 40 * MAX_GATES) {
      throw new IllegalArgumentException(family.describe() + " has " + family.gateCount()
          + " gates" + (wires < Long.MAX_VALUE ? " and " + wires + " wires" : "")
          + ", more than a check builds (" + MAX_GATES + " gates, " + 40 * MAX_GATES
          + " wires); query it with --sample instead");
    }
    CircuitBuilder verbatim = CircuitBuilder.verbatim();
    int[] out = build.apply(verbatim);
    Agreement a = Agreement.check(family, verbatim, out);
    Circuit live = verbatim.build();
    CircuitBuilder direct = new CircuitBuilder();
    build.apply(direct);
    Circuit simplified = direct.build();
    return new FamilyCheck(a, live.gateCount(), simplified.gateCount(),
        Replay.firstDifference(Replay.simplify(verbatim).build(), simplified));
  }

  /** Σ fan-in over the family's gates. */
  private static long wires(AddressedFamily family) {
    long[] w = {0};
    family.forEachAddress(g -> w[0] += family.gate(g).fanIn());
    return w[0];
  }
}
