package ssmlab.circuit;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a circuit on integer port values: each input port gets one {@link BigInteger} per vector
 * (its low {@code width} bits, two's complement for negatives), each output port gives back one
 * unsigned value per vector. Vectors go through the bit-parallel evaluator 64·words at a time.
 */
public final class Simulation {
  private static final int MAX_WORDS = 16;

  private Simulation() {}

  /**
   * Evaluates {@code n} vectors.
   *
   * @param inputs for every input port, its value in each of the n vectors. Not modified.
   * @return for every output port (in port order), its value in each vector
   */
  public static Map<String, BigInteger[]> run(Circuit c, Map<String, BigInteger[]> inputs,
      int n) {
    for (Port p : c.inputs()) {
      BigInteger[] xs = inputs.get(p.name());
      if (xs == null || xs.length < n) {
        throw new IllegalArgumentException("need " + n + " values for input " + p.name());
      }
    }
    Map<String, BigInteger[]> result = new LinkedHashMap<>();
    for (Port p : c.outputs()) {
      BigInteger[] zs = new BigInteger[n];
      java.util.Arrays.fill(zs, BigInteger.ZERO);
      result.put(p.name(), zs);
    }
    int words = Math.max(1, Math.min(MAX_WORDS, (n + 63) / 64));
    try (var ev = new BitParallelEvaluator(c, words, 1)) {
      long[] in = new long[c.inputBits() * words];
      long[] out = new long[c.outputBits() * words];
      for (int v0 = 0; v0 < n; v0 += 64 * words) {
        java.util.Arrays.fill(in, 0L);
        int batch = Math.min(n - v0, 64 * words);
        int bit = 0;
        for (Port p : c.inputs()) {
          BigInteger[] xs = inputs.get(p.name());
          for (int v = 0; v < batch; v++) {
            BigInteger x = xs[v0 + v];
            for (int b = 0; b < p.width(); b++) {
              if (x.testBit(b)) {
                in[(bit + b) * words + v / 64] |= 1L << (v % 64);
              }
            }
          }
          bit += p.width();
        }
        ev.evaluate(in, out);
        int o = 0;
        for (Port p : c.outputs()) {
          BigInteger[] zs = result.get(p.name());
          for (int b = 0; b < p.width(); b++, o++) {
            for (int v = 0; v < batch; v++) {
              if ((out[o * words + v / 64] >>> (v % 64) & 1) != 0) {
                zs[v0 + v] = zs[v0 + v].setBit(b);
              }
            }
          }
        }
      }
    }
    return result;
  }
}
