package ssmlab.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireArithmetic;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Multiplexer;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.fp.FloatP;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * A trained Mamba compiled into a threshold circuit for sequences of one length n: the
 * {@link MambaReference} run over {@link WireArithmetic}, so the circuit computes exactly what the
 * F_p interpreter computes in the same {@link ScanForm}. Inputs: ports {@code t0 .. t(n-1)}, each
 * a token id in binary (ids beyond the vocabulary select a zero embedding); outputs: ports
 * {@code logits0 .. logits(n-1)}, each the vocabulary's logits as consecutive F_p buses
 * ({@link FpWires#bits}).
 *
 * @param circuit the circuit
 * @param weights the model
 * @param format the number format
 * @param form the scan's form
 * @param length n
 * @param levelled whether it was built by a levelled builder
 */
public record MambaCircuit(Circuit circuit, MambaWeights weights, FloatFormat format,
    ScanForm form, int length, boolean levelled, Functions functions) {

  /** Compiles the model for sequences of {@code length} tokens. */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length) {
    return compile(w, f, form, length, false);
  }

  /**
   * Compiles the model for sequences of {@code length} tokens; {@code levelled}: with a
   * {@link CircuitBuilder#levelled()} builder, so that every block keeps its constructed depth.
   */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled) {
    return compile(w, f, form, length, levelled, Functions.TABLE);
  }

  /** The same with the functions as tables or as the paper builds them. */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions) {
    if (length < 1) {
      throw new IllegalArgumentException("the sequence length must be at least 1");
    }
    var b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    var ar = new WireArithmetic(b, f, functions);
    var ref = new MambaReference<>(ar, w, form);
    int vocab = w.embedding().length;
    int[][] rows = new int[vocab][];
    for (int v = 0; v < vocab; v++) {
      rows[v] = bits(ref.embed(v));
    }
    List<List<FpWires>> embedded = new ArrayList<>(length);
    for (int t = 0; t < length; t++) {
      int[] token = b.input("t" + t, tokenBits(vocab));
      int[] selected = Multiplexer.select(b, token, rows);
      int width = FpWires.width(f);
      List<FpWires> x = new ArrayList<>();
      for (int i = 0; i < w.config().dModel(); i++) {
        x.add(FpWires.of(f, Bits.slice(selected, i * width, (i + 1) * width)));
      }
      embedded.add(x);
    }
    List<List<FpWires>> logits = ref.forward(embedded);
    for (int t = 0; t < length; t++) {
      b.output("logits" + t, bits(logits.get(t)));
    }
    return new MambaCircuit(b.build(), w, f, form, length, levelled, functions);
  }

  /** Bits of the token ids of a vocabulary of size v. */
  static int tokenBits(int vocab) {
    return Math.max(1, Bits.bitLength(vocab - 1));
  }

  private static int[] bits(List<FpWires> xs) {
    int width = xs.isEmpty() ? 0 : FpWires.width(xs.getFirst().format());
    int[] out = new int[xs.size() * width];
    for (int i = 0; i < xs.size(); i++) {
      System.arraycopy(xs.get(i).bits(), 0, out, i * width, width);
    }
    return out;
  }

  /** The circuit's logits (length, vocab) on {@code count} token sequences, by evaluation. */
  public List<List<List<FloatP>>> evaluate(List<int[]> sequences) {
    Map<String, BigInteger[]> in = new HashMap<>();
    for (int t = 0; t < length; t++) {
      BigInteger[] xs = new BigInteger[sequences.size()];
      for (int s = 0; s < xs.length; s++) {
        xs[s] = BigInteger.valueOf(sequences.get(s)[t]);
      }
      in.put("t" + t, xs);
    }
    Map<String, BigInteger[]> out = Simulation.run(circuit, in, sequences.size());
    int vocab = weights.embedding().length;
    int width = FpWires.width(format);
    List<List<List<FloatP>>> result = new ArrayList<>();
    for (int s = 0; s < sequences.size(); s++) {
      List<List<FloatP>> perPosition = new ArrayList<>();
      for (int t = 0; t < length; t++) {
        BigInteger bus = out.get("logits" + t)[s];
        List<FloatP> logits = new ArrayList<>();
        for (int v = 0; v < vocab; v++) {
          BigInteger one = bus.shiftRight(v * width)
              .and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
          logits.add(FpWires.decode(format, one));
        }
        perPosition.add(logits);
      }
      result.add(perPosition);
    }
    return result;
  }

  /**
   * Evaluates the circuit on {@code count} random token sequences and compares every logit bit
   * for bit with the F_p interpreter in the same form; returns how many sequences agree.
   */
  public int verify(int count, long seed) {
    var rng = new SplittableRandom(seed);
    int vocab = weights.embedding().length;
    List<int[]> sequences = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      int[] tokens = new int[length];
      for (int t = 0; t < length; t++) {
        tokens[t] = rng.nextInt(vocab);
      }
      sequences.add(tokens);
    }
    List<List<List<FloatP>>> got = evaluate(sequences);
    var interpreter = new MambaReference<>(new FloatPArithmetic(format, functions), weights,
        form);
    int agree = 0;
    for (int s = 0; s < count; s++) {
      if (interpreter.logits(sequences.get(s)).equals(got.get(s))) {
        agree++;
      }
    }
    return agree;
  }
}
