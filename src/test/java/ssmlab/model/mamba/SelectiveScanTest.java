package ssmlab.model.mamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.nn.GradCheck;
import ssmlab.nn.GradCheck.Probe;
import ssmlab.tensor.Simd;

final class SelectiveScanTest {

  /** Random scan inputs of one shape: u, delta > 0, A < 0, B, C, D, z. */
  private record Inputs(int batch, int len, int d, int n, float[] u, float[] delta, float[] a,
      float[] bm, float[] cm, float[] dSkip, float[] z) {

    static Inputs random(int batch, int len, int d, int n, long seed) {
      var rng = new SplittableRandom(seed);
      float[] delta = new float[batch * len * d];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = (float) (0.05 + 0.5 * rng.nextDouble());
      }
      float[] a = new float[d * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) -(0.2 + 2 * rng.nextDouble());
      }
      return new Inputs(batch, len, d, n, GradCheck.randomProjection(batch * len * d, rng), delta,
          a, GradCheck.randomProjection(batch * len * n, rng),
          GradCheck.randomProjection(batch * len * n, rng), GradCheck.randomProjection(d, rng),
          GradCheck.randomProjection(batch * len * d, rng));
    }

    float[] forward(ScanKernel kernel) {
      int m = batch * len * d;
      float[] states = new float[m * n];
      float[] decay = new float[m * n];
      float[] y = new float[m];
      float[] out = new float[m];
      float[] sig = sigmoid(z);
      for (int b = 0; b < batch; b++) {
        kernel.forward(len, b * len * d, b * len * n, u, delta, a, bm, cm, dSkip, z, sig, decay,
            states, y, out);
      }
      return out;
    }
  }

  static float[] sigmoid(float[] z) {
    float[] s = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      s[i] = ssmlab.tensor.Activations.sigmoid(z[i]);
    }
    return s;
  }

  static Stream<Arguments> variants() {
    return Stream.of(Eigenvalues.values()).flatMap(e -> Stream.of(Discretization.values())
        .map(disc -> Arguments.of(e, disc)));
  }

  @Test
  void forward_handComputedTwoSteps() {
    // D=1, N=1, A=-1, delta=ln 2 so deltaA = 1/2; B=1, C=2, D=0.5, z large (silu(z) ~ z)
    float ln2 = (float) Math.log(2);
    float[] states = new float[2];
    float[] y = new float[2];
    float[] out = new float[2];
    new ScalarScan(1, 1, Eigenvalues.POSITIVE, Discretization.MAMBA).forward(2, 0, 0, new float[] {1, 3},
        new float[] {ln2, ln2}, new float[] {-1}, new float[] {1, 1}, new float[] {2, 2},
        new float[] {0.5f}, new float[] {30, 30}, sigmoid(new float[] {30, 30}), new float[2],
        states, y, out);
    // s0 = ln2*1*1; s1 = s0/2 + ln2*3; y = 2*s + 0.5*u
    assertThat(states[0]).isCloseTo(ln2, within(1e-6f));
    assertThat(states[1]).isCloseTo(0.5f * ln2 + 3 * ln2, within(1e-6f));
    assertThat(y[1]).isCloseTo(2 * 3.5f * ln2 + 1.5f, within(1e-5f));
    assertThat(out[1]).isCloseTo(y[1] * 30f, within(1e-4f));
  }

  @Test
  void signedEigenvalues_flipTheStateWhenDeltaIsLarge() {
    // deltaA = 2 exp(-20) - 1 ~ -1: the state alternates in sign, impossible with (0, 1)
    float[] states = new float[3];
    new ScalarScan(1, 1, Eigenvalues.SIGNED, Discretization.MAMBA).forward(3, 0, 0, new float[] {1, 0, 0},
        new float[] {20, 20, 20}, new float[] {-1}, new float[] {0.05f, 0.05f, 0.05f},
        new float[] {1, 1, 1}, new float[] {0}, new float[] {1, 1, 1}, new float[3], new float[3], states,
        new float[3],
        new float[3]);
    assertThat(states[0]).isCloseTo(1f, within(1e-5f));
    assertThat(states[1]).isCloseTo(-1f, within(1e-5f));
    assertThat(states[2]).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void zoh_equalsEulerTimesExpm1OverDeltaA() {
    // one step from s = 0: s = f*B*u with f = expm1(delta*A)/A (ZOH) vs delta (Euler)
    float[] s1 = new float[1];
    float[] s2 = new float[1];
    float[] in = {0.7f};
    new ScalarScan(1, 1, Eigenvalues.POSITIVE, Discretization.MAMBA).forward(1, 0, 0, in, new float[] {0.3f},
        new float[] {-2}, new float[] {1}, new float[] {1}, new float[] {0}, new float[] {0},
        new float[1], new float[1], s1, new float[1], new float[1]);
    new ScalarScan(1, 1, Eigenvalues.POSITIVE, Discretization.ZOH).forward(1, 0, 0, in, new float[] {0.3f},
        new float[] {-2}, new float[] {1}, new float[] {1}, new float[] {0}, new float[] {0},
        new float[1], new float[1], s2, new float[1], new float[1]);
    assertThat((double) s1[0]).isCloseTo(0.3 * 0.7, within(1e-7));
    assertThat((double) s2[0]).isCloseTo(Math.expm1(-0.6) / -2 * 0.7, within(1e-7));
  }

  @ParameterizedTest(name = "seed={0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
  void vectorKernel_matchesScalarReference(long seed) {
    for (Eigenvalues signed : Eigenvalues.values()) {
      for (Discretization zoh : Discretization.values()) {
        Inputs in = Inputs.random(2, 7, 5, 16, seed);
        // tiny steps too, where ZOH's f = expm1(x)/A needs its series
        in.delta[seed == 1 ? 3 : 0] = 1e-4f;
        float[] ref = in.forward(new ScalarScan(5, 16, signed, zoh));
        float[] vec = in.forward(new VectorScan(5, 16, signed, zoh));
        for (int i = 0; i < ref.length; i++) {
          assertThat(vec[i]).as("seed=%d %s %s i=%d", seed, signed, zoh, i)
              .isCloseTo(ref[i], within(1e-5f * (1 + Math.abs(ref[i]))));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void backward_scalar_matchesFiniteDifferences(Eigenvalues ev, Discretization disc) {
    Inputs in = Inputs.random(2, 5, 3, 4, 11);
    checkGradients(in, new ScalarScan(3, 4, ev, disc));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void backward_vector_matchesFiniteDifferences(Eigenvalues ev, Discretization disc) {
    int n = ssmlab.tensor.Simd.SPECIES.length() * 2;
    Inputs in = Inputs.random(2, 5, 3, n, 12);
    checkGradients(in, new VectorScan(3, n, ev, disc));
  }

  @Test
  void vectorZohBackward_tinySteps_matchesScalar() {
    // |delta*A| < 0.1: dL/dA comes from psi's series in the vector kernel, from expm1 in the
    // scalar one; the two must agree
    int n = ssmlab.tensor.Simd.SPECIES.length();
    Inputs in = Inputs.random(1, 4, 2, n, 13);
    Arrays.fill(in.delta, 0.01f);
    float[][] vec = gradients(in, new VectorScan(2, n, Eigenvalues.POSITIVE, Discretization.ZOH));
    float[][] ref = gradients(in, new ScalarScan(2, n, Eigenvalues.POSITIVE, Discretization.ZOH));
    for (int k = 0; k < ref.length; k++) {
      for (int i = 0; i < ref[k].length; i++) {
        assertThat(vec[k][i]).as("gradient %d [%d]", k, i)
            .isCloseTo(ref[k][i], within(1e-4f * (1 + Math.abs(ref[k][i]))));
      }
    }
  }

  /** (batch, len, d, n) shapes of the channel-lane kernel: D whole vectors, any N, L from 1. */
  static Stream<Arguments> channelShapes() {
    int lanes = Simd.SPECIES.length();
    var rng = new SplittableRandom(21);
    Stream<Arguments> fixed = Stream.of(Arguments.of(3, 1, lanes, 16),
        Arguments.of(2, 20, 2 * lanes, 16), Arguments.of(3, 7, lanes, 8),
        Arguments.of(2, 11, 2 * lanes, 4), Arguments.of(1, 5, lanes, 1));
    // lengths 2..20 over the two widths and the state sizes 16, 8, 4
    Stream<Arguments> drawn = java.util.stream.IntStream.rangeClosed(2, 20).mapToObj(len ->
        Arguments.of(1 + rng.nextInt(3), len, lanes * (1 + rng.nextInt(2)),
            new int[] {16, 8, 4}[rng.nextInt(3)]));
    return Stream.concat(fixed, drawn);
  }

  static Stream<Arguments> channelCases() {
    return channelShapes().flatMap(shape -> variants().map(v -> Arguments.of(
        shape.get()[0], shape.get()[1], shape.get()[2], shape.get()[3], v.get()[0], v.get()[1])));
  }

  @ParameterizedTest(name = "batch={0} len={1} d={2} n={3} {4} {5}")
  @MethodSource("channelCases")
  void channelKernel_matchesScalarReference(int batch, int len, int d, int n, Eigenvalues ev,
      Discretization disc) {
    Inputs in = Inputs.random(batch, len, d, n, 31L * len + n);
    // a tiny step too, where ZOH's phi and psi need their series
    in.delta[len % in.delta.length] = 1e-4f;
    var rng = new SplittableRandom(len);
    float[] dOut = GradCheck.randomProjection(batch * len * d, rng);
    var channel = new ChannelScan(d, n, ev, disc);
    Run ref = Run.of(in, new ScalarScan(d, n, ev, disc), dOut);
    Run vec = Run.of(in, channel, dOut);
    for (int b = 0; b < batch; b++) {
      int xo = b * len * d;
      for (int t = 0; t < len; t++) {
        for (int c = 0; c < d; c++) {
          for (int k = 0; k < n; k++) {
            float want = ref.states[(xo + t * d + c) * n + k];
            assertThat(vec.states[channel.stateIndex(xo, t, c, k)])
                .as("s[b=%d t=%d d=%d n=%d]", b, t, c, k)
                .isCloseTo(want, within(1e-5f * (1 + Math.abs(want))));
          }
        }
      }
    }
    for (int k = 0; k < ref.grads.length; k++) {
      for (int i = 0; i < ref.grads[k].length; i++) {
        assertThat(vec.grads[k][i]).as("%s [%d]", Run.NAMES[k], i)
            .isCloseTo(ref.grads[k][i], within(2e-4f * (1 + Math.abs(ref.grads[k][i]))));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void backward_channel_matchesFiniteDifferences(Eigenvalues ev, Discretization disc) {
    int d = Simd.SPECIES.length();
    checkGradients(Inputs.random(2, 5, d, 4, 14), new ChannelScan(d, 4, ev, disc));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void backward_channelFullState_matchesFiniteDifferences(Eigenvalues ev, Discretization disc) {
    int d = 2 * Simd.SPECIES.length();
    checkGradients(Inputs.random(2, 3, d, 16, 15), new ChannelScan(d, 16, ev, disc));
  }

  @Test
  void kernelOf_picksChannelLanesWhenDIsWholeVectors() {
    int lanes = Simd.SPECIES.length();
    assumeTrue(Simd.ENABLED);
    assertThat(ScanKernel.of(8 * lanes, 16, Eigenvalues.POSITIVE, Discretization.MAMBA))
        .isInstanceOf(ChannelScan.class);
    assertThat(ScanKernel.of(8 * lanes + 1, 16, Eigenvalues.POSITIVE, Discretization.MAMBA))
        .isInstanceOf(VectorScan.class);
  }

  /** A forward and backward over every batch row: the states, the gradients, out and y. */
  private record Run(float[] states, float[][] grads) {

    static final String[] NAMES = {"du", "dDelta", "dA", "dB", "dC", "dD", "dz", "out", "y"};

    static Run of(Inputs in, ScanKernel kernel, float[] dOut) {
      int m = in.batch * in.len * in.d;
      int bn = in.batch * in.len * in.n;
      float[][] g = {new float[m], new float[m], new float[in.a.length], new float[bn],
        new float[bn], new float[in.d], new float[m], new float[m], new float[m]};
      float[] states = new float[m * in.n];
      float[] decay = new float[m * in.n];
      float[] sig = sigmoid(in.z);
      float[] carry = new float[in.d * in.n];
      for (int b = 0; b < in.batch; b++) {
        int xo = b * in.len * in.d;
        int bo = b * in.len * in.n;
        kernel.forward(in.len, xo, bo, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig,
            decay, states, g[8], g[7]);
        Arrays.fill(carry, 0f);
        kernel.backward(in.len, xo, bo, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig,
            decay, states, g[8], dOut, g[0], g[1], g[2], g[3], g[4], g[5], g[6], carry);
      }
      return new Run(states, g);
    }
  }

  /** du, dDelta, dA, dB, dC, dD, dz for dOut = 1. */
  private static float[][] gradients(Inputs in, ScanKernel kernel) {
    int m = in.batch * in.len * in.d;
    int bn = in.batch * in.len * in.n;
    float[][] g = {new float[m], new float[m], new float[in.a.length], new float[bn],
      new float[bn], new float[in.d], new float[m]};
    float[] states = new float[m * in.n];
    float[] y = new float[m];
    float[] out = new float[m];
    float[] ones = new float[m];
    Arrays.fill(ones, 1f);
    float[] sig = sigmoid(in.z);
    float[] decay = new float[m * in.n];
    kernel.forward(in.len, 0, 0, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig, decay,
        states, y, out);
    kernel.backward(in.len, 0, 0, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig, decay,
        states, y, ones, g[0], g[1], g[2], g[3], g[4], g[5], g[6], new float[in.d * in.n]);
    return g;
  }

  private static void checkGradients(Inputs in, ScanKernel kernel) {
    int m = in.batch * in.len * in.d;
    int bn = in.batch * in.len * in.n;
    var rng = new SplittableRandom(5);
    float[] r = GradCheck.randomProjection(m, rng);
    float[] du = new float[m];
    float[] dDelta = new float[m];
    float[] dA = new float[in.a.length];
    float[] dB = new float[bn];
    float[] dC = new float[bn];
    float[] dD = new float[in.d];
    float[] dz = new float[m];
    List<Probe> probes = List.of(new Probe("u", in.u, du), new Probe("delta", in.delta, dDelta),
        new Probe("A", in.a, dA), new Probe("B", in.bm, dB), new Probe("C", in.cm, dC),
        new Probe("D", in.dSkip, dD), new Probe("z", in.z, dz));
    var report = GradCheck.check(probes, () -> GradCheck.dot(in.forward(kernel), r), () -> {
      float[] states = new float[m * in.n];
      float[] decay = new float[m * in.n];
      float[] y = new float[m];
      float[] out = new float[m];
      Arrays.fill(dA, 0f);
      Arrays.fill(dD, 0f);
      Arrays.fill(dB, 0f);
      Arrays.fill(dC, 0f);
      float[] carry = new float[in.d * in.n];
      float[] sig = sigmoid(in.z);
      for (int b = 0; b < in.batch; b++) {
        int xo = b * in.len * in.d;
        int bo = b * in.len * in.n;
        kernel.forward(in.len, xo, bo, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig,
            decay, states, y, out);
        Arrays.fill(carry, 0f);
        kernel.backward(in.len, xo, bo, in.u, in.delta, in.a, in.bm, in.cm, in.dSkip, in.z, sig,
            decay, states, y, r, du, dDelta, dA, dB, dC, dD, dz, carry);
      }
    }, GradCheck.EPS, 48, rng);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
  }
}
