package ssmlab.circuit.tc0;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Port;
import ssmlab.circuit.Simulation;

/** Checks a circuit against an exact BigInteger function, exhaustively or on random inputs. */
final class Oracle {
  private Oracle() {}

  /** A circuit over n m-bit inputs x0..x(n−1) with one output bus from {@code body}. */
  static Circuit nary(int n, int m, BiFunction<CircuitBuilder, List<int[]>, int[]> body) {
    var b = new CircuitBuilder();
    List<int[]> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(b.input("x" + i, m));
    }
    b.output("z", body.apply(b, xs));
    return b.build();
  }

  /** Every combination of input values (total input width ≤ ~16). */
  static void exhaustive(Circuit c, Function<BigInteger[], BigInteger[]> f) {
    int bits = c.inputBits();
    int n = 1 << bits;
    BigInteger[][] vectors = new BigInteger[n][];
    for (int v = 0; v < n; v++) {
      vectors[v] = split(c, BigInteger.valueOf(v));
    }
    check(c, vectors, f, "exhaustive");
  }

  /** {@code n} random vectors, each port uniform over its width. */
  static void random(Circuit c, long seed, int n, Function<BigInteger[], BigInteger[]> f) {
    var rnd = new SplittableRandom(seed);
    BigInteger[][] vectors = new BigInteger[n][];
    for (int v = 0; v < n; v++) {
      BigInteger[] xs = new BigInteger[c.inputs().size()];
      for (int p = 0; p < xs.length; p++) {
        xs[p] = randomBits(rnd, c.inputs().get(p).width());
      }
      vectors[v] = xs;
    }
    check(c, vectors, f, "seed=" + seed);
  }

  static BigInteger randomBits(SplittableRandom rnd, int width) {
    // Bias to edges: all zeros, all ones, or uniform.
    int kind = rnd.nextInt(8);
    BigInteger ones = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    if (kind == 0) {
      return BigInteger.ZERO;
    }
    if (kind == 1) {
      return ones;
    }
    byte[] bytes = new byte[width / 8 + 2];
    rnd.nextBytes(bytes);
    BigInteger x = new BigInteger(1, bytes).and(ones);
    if (kind == 2) {
      return x.shiftRight(rnd.nextInt(width + 1)); // small values
    }
    return x;
  }

  private static BigInteger[] split(Circuit c, BigInteger v) {
    BigInteger[] xs = new BigInteger[c.inputs().size()];
    int off = 0;
    for (int p = 0; p < xs.length; p++) {
      int w = c.inputs().get(p).width();
      xs[p] = v.shiftRight(off).and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
      off += w;
    }
    return xs;
  }

  private static void check(Circuit c, BigInteger[][] vectors,
      Function<BigInteger[], BigInteger[]> f, String what) {
    int n = vectors.length;
    Map<String, BigInteger[]> in = new LinkedHashMap<>();
    for (int p = 0; p < c.inputs().size(); p++) {
      BigInteger[] col = new BigInteger[n];
      for (int v = 0; v < n; v++) {
        col[v] = vectors[v][p];
      }
      in.put(c.inputs().get(p).name(), col);
    }
    Map<String, BigInteger[]> out = Simulation.run(c, in, n);
    for (int v = 0; v < n; v++) {
      BigInteger[] want = f.apply(vectors[v]);
      int o = 0;
      for (Port p : c.outputs()) {
        BigInteger mask = BigInteger.ONE.shiftLeft(p.width()).subtract(BigInteger.ONE);
        assertThat(out.get(p.name())[v])
            .as("%s inputs=%s output=%s", what, java.util.Arrays.toString(vectors[v]), p.name())
            .isEqualTo(want[o].and(mask));
        o++;
      }
    }
  }
}
