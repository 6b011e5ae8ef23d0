package ssmlab.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.Simulation;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.model.s4d.reference.LtiForm;
import ssmlab.model.s4d.reference.LtiSsm;

/**
 * One S4D layer ({@link LtiSsm}) as a circuit whose inputs are the sequence u and the discrete
 * parameters Abar, Bbar, C, D themselves, so that the kernel's powers Abar^k (iterated products),
 * K (iterated sums) and y (iterated sums) are all gates: bit for bit {@code LtiSsm<FloatP>}, and
 * in convolution form one depth for every n.
 */
final class LtiCircuitTest {
  static final FloatFormat F = FloatFormat.of(4, 4);
  static final int H = 2;
  static final int N = 2;

  /** The layer compiled for length n; ports a, b, c (H*N buses), d (H), u0..u(n-1) (H each). */
  static Circuit compile(LtiForm form, int n, boolean levelled) {
    var builder = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    var ar = new WireArithmetic(builder, F);
    var ssm = LtiSsm.of(ar, matrix(builder, "a"), matrix(builder, "b"), matrix(builder, "c"),
        vector(builder, "d", H));
    List<List<FpWires>> u = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      u.add(vector(builder, "u" + t + "_", H));
    }
    List<List<FpWires>> y = form == LtiForm.CONVOLUTION ? ssm.convolution(u) : ssm.recurrent(u);
    for (int t = 0; t < n; t++) {
      builder.output("y" + t, TokenPorts.bits(y.get(t)));
    }
    return builder.build();
  }

  static List<List<FpWires>> matrix(CircuitBuilder b, String name) {
    List<List<FpWires>> m = new ArrayList<>();
    for (int i = 0; i < H; i++) {
      m.add(vector(b, name + i + "_", N));
    }
    return m;
  }

  static List<FpWires> vector(CircuitBuilder b, String name, int size) {
    List<FpWires> v = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      v.add(FpWires.input(b, name + j, F));
    }
    return v;
  }

  /** A random layer and input: Abar in (0, 1) as ZOH gives, the rest in (-2, 2). */
  record Case(FloatP[][] a, FloatP[][] b, FloatP[][] c, FloatP[] d, FloatP[][] u) {
    static Case random(SplittableRandom r, int n) {
      return new Case(values(r, H, N, 0, 1), values(r, H, N, -2, 2), values(r, H, N, -2, 2),
          values(r, 1, H, -2, 2)[0], values(r, n, H, -2, 2));
    }

    static FloatP[][] values(SplittableRandom r, int rows, int cols, double lo, double hi) {
      FloatP[][] m = new FloatP[rows][cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          m[i][j] = F.fromDouble(r.nextDouble(lo, hi));
        }
      }
      return m;
    }

    List<List<FloatP>> input() {
      return rows(u);
    }

    static List<List<FloatP>> rows(FloatP[][] m) {
      List<List<FloatP>> out = new ArrayList<>();
      for (FloatP[] row : m) {
        out.add(List.of(row));
      }
      return out;
    }
  }

  static List<List<FloatP>> interpret(LtiForm form, Case k) {
    var ssm = LtiSsm.of(new FloatPArithmetic(F), Case.rows(k.a()), Case.rows(k.b()),
        Case.rows(k.c()), List.of(k.d()));
    return form == LtiForm.CONVOLUTION ? ssm.convolution(k.input()) : ssm.recurrent(k.input());
  }

  @ParameterizedTest(name = "{0}, n={1}, levelled {2}")
  @CsvSource({"CONVOLUTION, 2, false", "CONVOLUTION, 4, true", "RECURRENT, 3, false"})
  void layerCircuit_agreesBitForBitWithTheFpInterpreter(LtiForm form, int n, boolean levelled) {
    Circuit circuit = compile(form, n, levelled);
    var rng = new SplittableRandom(n);
    int count = 24;
    List<Case> cases = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      cases.add(Case.random(rng, n));
    }
    Map<String, BigInteger[]> in = new HashMap<>();
    for (int s = 0; s < count; s++) {
      Case k = cases.get(s);
      for (int i = 0; i < H; i++) {
        for (int j = 0; j < N; j++) {
          put(in, "a" + i + "_" + j, s, count, k.a()[i][j]);
          put(in, "b" + i + "_" + j, s, count, k.b()[i][j]);
          put(in, "c" + i + "_" + j, s, count, k.c()[i][j]);
        }
        put(in, "d" + i, s, count, k.d()[i]);
        for (int t = 0; t < n; t++) {
          put(in, "u" + t + "_" + i, s, count, k.u()[t][i]);
        }
      }
    }
    Map<String, BigInteger[]> out = Simulation.run(circuit, in, count);
    int width = FpWires.width(F);
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    for (int s = 0; s < count; s++) {
      List<List<FloatP>> want = interpret(form, cases.get(s));
      for (int t = 0; t < n; t++) {
        for (int i = 0; i < H; i++) {
          FloatP got = FpWires.decode(F, out.get("y" + t)[s].shiftRight(i * width).and(mask));
          assertThat(got).as("%s case %d, y[%d][%d]", form, s, t, i)
              .isEqualTo(want.get(t).get(i));
        }
      }
    }
  }

  private static void put(Map<String, BigInteger[]> in, String port, int s, int count,
      FloatP x) {
    in.computeIfAbsent(port, k -> new BigInteger[count])[s] = FpWires.encode(x);
  }

  @Test
  void levelledConvolutionDepth_isOneNumber_recurrentGrows() {
    // The kernel's powers are iterated products of the input Abar, its sums iterated sums, so
    // the convolution keeps its depth as n grows; the recurrence adds a multiply-add per step.
    int[] lengths = {2, 3, 5};
    int[] convolution = new int[lengths.length];
    int[] recurrent = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      convolution[i] = compile(LtiForm.CONVOLUTION, lengths[i], true).depth();
      recurrent[i] = compile(LtiForm.RECURRENT, lengths[i], true).depth();
    }
    assertThat(convolution).as("convolution depths at n = 2, 3, 5").containsOnly(convolution[0]);
    assertThat(recurrent[1]).isGreaterThan(recurrent[0]);
    assertThat(recurrent[2]).isGreaterThan(recurrent[1]);
  }
}
