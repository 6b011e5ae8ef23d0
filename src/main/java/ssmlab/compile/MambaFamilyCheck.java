package ssmlab.compile;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.Replay;
import ssmlab.circuit.uniform.Agreement;
import ssmlab.circuit.uniform.VerbatimCheck;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * {@code circuit gate --checkpoint ... --check}: every gate of a {@link MambaFamily} member
 * against the verbatim build ({@link ForwardSpans}); that verbatim circuit, the one the family
 * describes, against the F_p interpreter bit for bit on random sequences; and whether the build
 * replayed gate by gate through the simplifying builder ({@link Replay}) is gate for gate the
 * circuit {@code circuit model} builds.
 * It need not be: the F_p builders take shortcuts on wires they know to be constant while they
 * build, and a simplifying builder shows them more constant wires than a verbatim one; both are
 * verified against the interpreter.
 *
 * @param agreement the gate-for-gate comparison
 * @param verbatimGates the gates of the verbatim build
 * @param verified random sequences on which the verbatim circuit equals the interpreter
 * @param sequences how many were tried
 * @param simplifiedGates the gates of {@code circuit model}'s circuit
 * @param simplificationDifference null when the simplified verbatim build is that circuit
 */
public record MambaFamilyCheck(Agreement agreement, int verbatimGates, int verified,
    int sequences, int simplifiedGates, String simplificationDifference)
    implements VerbatimCheck {

  @Override
  public int tried() {
    return sequences;
  }

  @Override
  public boolean passes() {
    return agreement.agrees() && verified == sequences;
  }

  @Override
  public String firstDifference() {
    return !agreement.agrees() ? agreement.firstDifference() : verified == sequences ? null
        : (sequences - verified) + " of " + sequences + " sequences differ from the interpreter";
  }

  /** Checks {@code family}, the member of {@code w} at its length, on {@code sequences}. */
  public static MambaFamilyCheck run(MambaFamily family, MambaWeights w, FloatFormat f,
      Functions functions, ScanForm form, int n, int sequences) {
    ForwardSpans built = ForwardSpans.of(w, f, functions, form, n);
    Agreement a = Agreement.check(family, built.builder(), built.outputs());
    int verified = new MambaCircuit(built.builder().build(), w, f, form, n, false, functions,
        false).verify(sequences, 1);
    Circuit replayed = Replay.simplify(built.builder()).build();
    Circuit direct = MambaCircuit.compile(w, f, form, n, false, functions).circuit();
    return new MambaFamilyCheck(a, built.builder().gateCount(), verified, sequences,
        direct.gateCount(), Replay.firstDifference(replayed, direct));
  }
}
