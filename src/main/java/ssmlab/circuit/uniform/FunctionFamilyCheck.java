package ssmlab.circuit.uniform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.ReferenceEvaluator;
import ssmlab.circuit.Replay;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireAlgebra;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;

/**
 * {@code circuit gate --op fp-exp ... --functions paper --check}: every gate of a paper
 * function's {@link FunctionFamily} against the verbatim build of its program; that verbatim
 * circuit, the one the family describes, evaluated against the program on exact floats (equal to
 * {@code PaperFunctions}, {@code PaperFunctionFamilyTest}) on random inputs and the extremes; and
 * whether the verbatim build, simplified, is gate for gate the program built directly by the
 * simplifying builder. It need not be: a sum whose terms have constant bits (from earlier
 * operations' constant outputs) is built differently when the builder already knows them.
 *
 * @param agreement the query against the verbatim build
 * @param verbatimGates gates of the verbatim build
 * @param verified inputs on which the verbatim circuit equals the program
 * @param tried inputs tried (those in the function's domain)
 * @param simplifiedGates gates of the direct, simplified build
 * @param simplificationDifference null when the replayed verbatim build is that circuit
 */
public record FunctionFamilyCheck(Agreement agreement, int verbatimGates, int verified,
    int tried, int simplifiedGates, String simplificationDifference) implements VerbatimCheck {

  @Override
  public boolean passes() {
    return agreement.agrees() && verified == tried;
  }

  @Override
  public String firstDifference() {
    return !agreement.agrees() ? agreement.firstDifference() : verified == tried ? null
        : (tried - verified) + " of " + tried + " inputs differ from the program";
  }

  /** Checks the family of {@code op} (fp-exp ... fp-silu) in F_f on {@code samples} inputs. */
  public static FunctionFamilyCheck run(String op, FloatFormat f, int samples, long seed) {
    FunctionProgram prog = FunctionProgram.record(op.substring(3), f);
    AddressedFamily family = FunctionFamilies.of(op, f.p(), f.q(),
        Functions.PAPER);
    CircuitBuilder verbatim = CircuitBuilder.verbatim();
    int[] z = build(prog, verbatim);
    Agreement a = Agreement.check(family, verbatim, z);
    Circuit circuit = verbatim.build();
    int verified = 0;
    int tried = 0;
    for (FloatP x : inputs(f, samples, seed)) {
      FloatP want;
      try {
        want = prog.evaluate(x);
      } catch (ArithmeticException outsideTheDomain) {
        continue;
      }
      tried++;
      if (evaluate(circuit, f, x).equals(want)) {
        verified++;
      }
    }
    CircuitBuilder direct = new CircuitBuilder();
    build(prog, direct);
    Circuit simplified = direct.build();
    return new FunctionFamilyCheck(a, verbatim.gateCount(), verified, tried,
        simplified.gateCount(), Replay.firstDifference(Replay.simplify(verbatim).build(),
        simplified));
  }

  private static int[] build(FunctionProgram prog, CircuitBuilder b) {
    int[] z = prog.run(new WireAlgebra(b), FpWires.input(b, "x", prog.format())).bits();
    b.output("z", z);
    return z;
  }

  /** Zero, ±the smallest and ±the largest float, then random floats of every exponent. */
  private static List<FloatP> inputs(FloatFormat f, int samples, long seed) {
    List<FloatP> xs = new ArrayList<>(List.of(f.zero(), f.minPositive(),
        f.negate(f.minPositive()), f.max(), f.negate(f.max())));
    var rnd = new SplittableRandom(seed);
    BigInteger top = BigInteger.ONE.shiftLeft(f.p() - 1);
    while (xs.size() < samples) {
      BigInteger m = top.add(BigInteger.valueOf(rnd.nextLong()).mod(top));
      long e = f.minExponent() + rnd.nextLong(f.maxExponent() - f.minExponent() + 1);
      FloatP x = f.of(m, e);
      xs.add(rnd.nextBoolean() ? x : f.negate(x));
    }
    return xs;
  }

  private static FloatP evaluate(Circuit c, FloatFormat f, FloatP x) {
    BigInteger bits = FpWires.encode(x);
    boolean[] in = new boolean[FpWires.width(f)];
    for (int k = 0; k < in.length; k++) {
      in[k] = bits.testBit(k);
    }
    boolean[] out = ReferenceEvaluator.evaluate(c, in);
    BigInteger zb = BigInteger.ZERO;
    for (int k = 0; k < FpWires.width(f); k++) {
      zb = out[k] ? zb.setBit(k) : zb;
    }
    return FpWires.decode(f, zb);
  }
}
