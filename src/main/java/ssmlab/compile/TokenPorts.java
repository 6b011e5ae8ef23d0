package ssmlab.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.tc0.Bits;
import ssmlab.circuit.tc0.Multiplexer;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * The ports every compiled language model shares: inputs {@code t0 .. t(n-1)}, each a token id
 * in binary that selects its embedding row by a multiplexer of constant F_p buses (ids beyond the
 * vocabulary select zeros), and outputs {@code logits0 .. logits(n-1)}, each the vocabulary's
 * logits as consecutive F_p buses.
 */
final class TokenPorts {

  private TokenPorts() {}

  /** Bits of the token ids of a vocabulary of size v. */
  static int tokenBits(int vocab) {
    return Math.max(1, Bits.bitLength(vocab - 1));
  }

  /** The input ports and the embedded sequence (length, d_model) they select. */
  static List<List<FpWires>> embed(CircuitBuilder b, FloatFormat f, List<List<FpWires>> rows,
      int length) {
    return embed(b, f, rows, inputs(b, rows.size(), length));
  }

  /** The input ports {@code t0 .. t(length-1)} of a vocabulary of size {@code vocab}. */
  static int[][] inputs(CircuitBuilder b, int vocab, int length) {
    int[][] tokens = new int[length][];
    for (int t = 0; t < length; t++) {
      tokens[t] = b.input("t" + t, tokenBits(vocab));
    }
    return tokens;
  }

  /** The embedded sequence (length, d_model) that the token wires select. */
  static List<List<FpWires>> embed(CircuitBuilder b, FloatFormat f, List<List<FpWires>> rows,
      int[][] tokens) {
    int[][] table = new int[rows.size()][];
    for (int v = 0; v < table.length; v++) {
      table[v] = bits(rows.get(v));
    }
    List<List<FpWires>> embedded = new ArrayList<>(tokens.length);
    for (int[] token : tokens) {
      embedded.add(buses(f, Multiplexer.select(b, token, table)));
    }
    return embedded;
  }

  /** Consecutive F_p buses of format f, the first least significant: the inverse of bits. */
  static List<FpWires> buses(FloatFormat f, int[] bits) {
    int width = FpWires.width(f);
    List<FpWires> xs = new ArrayList<>(bits.length / width);
    for (int i = 0; i + width <= bits.length; i += width) {
      xs.add(FpWires.of(f, Bits.slice(bits, i, i + width)));
    }
    return xs;
  }

  /** The output ports {@code logits<t>}. */
  static void output(CircuitBuilder b, List<List<FpWires>> logits) {
    for (int t = 0; t < logits.size(); t++) {
      b.output("logits" + t, bits(logits.get(t)));
    }
  }

  /** The buses of {@code xs} side by side, the first least significant. */
  static int[] bits(List<FpWires> xs) {
    int width = xs.isEmpty() ? 0 : FpWires.width(xs.getFirst().format());
    int[] out = new int[xs.size() * width];
    for (int i = 0; i < xs.size(); i++) {
      System.arraycopy(xs.get(i).bits(), 0, out, i * width, width);
    }
    return out;
  }

  /** {@code count} sequences of {@code length} token ids below {@code vocab}. */
  static List<int[]> randomSequences(int count, int length, int vocab, long seed) {
    var rng = new SplittableRandom(seed);
    List<int[]> sequences = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      int[] tokens = new int[length];
      for (int t = 0; t < length; t++) {
        tokens[t] = rng.nextInt(vocab);
      }
      sequences.add(tokens);
    }
    return sequences;
  }

  /** The circuit's logits (sequence, length, vocab) on token sequences, by evaluation. */
  static List<List<List<FloatP>>> evaluate(Circuit circuit, FloatFormat format, int length,
      int vocab, List<int[]> sequences) {
    Map<String, BigInteger[]> in = new HashMap<>();
    for (int t = 0; t < length; t++) {
      BigInteger[] xs = new BigInteger[sequences.size()];
      for (int s = 0; s < xs.length; s++) {
        xs[s] = BigInteger.valueOf(sequences.get(s)[t]);
      }
      in.put("t" + t, xs);
    }
    Map<String, BigInteger[]> out = Simulation.run(circuit, in, sequences.size());
    int width = FpWires.width(format);
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    List<List<List<FloatP>>> result = new ArrayList<>();
    for (int s = 0; s < sequences.size(); s++) {
      List<List<FloatP>> perPosition = new ArrayList<>();
      for (int t = 0; t < length; t++) {
        BigInteger bus = out.get("logits" + t)[s];
        List<FloatP> logits = new ArrayList<>();
        for (int v = 0; v < vocab; v++) {
          logits.add(FpWires.decode(format, bus.shiftRight(v * width).and(mask)));
        }
        perPosition.add(logits);
      }
      result.add(perPosition);
    }
    return result;
  }
}
