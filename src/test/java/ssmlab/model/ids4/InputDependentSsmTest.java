package ssmlab.model.ids4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ssmlab.nn.GradCheck;
import ssmlab.nn.Init;
import ssmlab.nn.Parameter;

final class InputDependentSsmTest {

  // N = 16: the vector scan on every x86 width; 3, 1: scalar
  @ParameterizedTest(name = "d_model={0} d_state={1} {2}")
  @CsvSource({"6, 16, inf", "5, 3, inf", "4, 1, inf", "6, 16, none", "5, 3, none", "4, 1, none"})
  void backward_matchesFiniteDifferences(int dModel, int dState, String norm) {
    var ssm = new InputDependentSsm("s", dModel, dState, TransitionNorm.of(norm),
        new SplittableRandom(2));
    randomize(ssm, 3);
    var report = GradCheck.checkLayer(ssm, 2, 6, 21);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(report.perTensor()).hasSize(1 + ssm.parameters().size());
  }

  @Test
  void mixer_backward_matchesFiniteDifferences() {
    var mixer = IDS4LM.mixer("m", 6, 16, TransitionNorm.INF, new SplittableRandom(4));
    // A_0[0][j] += 0.03: row 0 attains ‖A‖_∞ > 1 with a margin and no entry near 0 (the init's
    // rows are near ties, its off-diagonal entries near 0: kinks finite differences cannot follow)
    float[] a0 = mixer.parameters().get(1).data();
    for (int j = 1; j < 16; j++) {
      a0[j * 16] += 0.03f;
    }
    var report = GradCheck.checkLayer(mixer, 2, 5, 22);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
  }

  /**
   * The stabiliser's gradient where every token's ‖A(x_t)‖_∞ exceeds 1, where none does (the
   * identity) and where both occur, on the vector (N = 16) and the scalar (N = 3) scan. Finite
   * differences cannot follow the norm across a kink, so A(x) − A_0 stays within ±δ = 6·0.05/N
   * and A_0 = 0.3·I except row 0, which attains the norm with a margin over the other rows and
   * whose entries stay away from 0 (where |·| bends): A_0[0][j] = 1.05δ, A_0[0][0] = the rest
   * of {@code rowSum}. "mixed" adds {@code swing}·x_0 to A[0][0] with |x_0| in [0.5, 1], so each
   * token's norm is 0.25 or more away from 1 on either side.
   */
  @ParameterizedTest(name = "d_state={0} row sum {1} {3}")
  @CsvSource({"16, 1.4, 0, above", "16, 0.6, 0, below", "16, 1.0, 0.5, mixed",
      "3, 1.4, 0, above", "3, 0.6, 0, below", "3, 1.0, 0.5, mixed"})
  void normalizedBackward_matchesFiniteDifferences(int n, float rowSum, float swing,
      String regime) {
    int dModel = 5;
    var ssm = new InputDependentSsm("s", dModel, n, TransitionNorm.INF, new SplittableRandom(8));
    randomize(ssm, 9);
    float spread = 0.05f / n;
    var rng = new SplittableRandom(10);
    for (Parameter p : ssm.parameters().subList(0, 2)) { // A_proj: |A(x) − A_0| ≤ (1 + d)·spread
      Init.uniform(p.data(), spread, rng);
    }
    float[] a0 = ssm.parameters().get(1).data();
    float off = 1.05f * (1 + dModel) * spread;
    for (int i = 1; i < n; i++) {
      a0[i * n + i] += 0.3f;
      a0[i * n] += off; // index j·N + i holds A[i][j]
    }
    a0[0] += rowSum - (n - 1) * off;
    ssm.parameters().get(0).data()[0] = swing; // W_A[(0, 0), channel 0]
    float[] x = random(3 * 7 * dModel, 1f, new SplittableRandom(11));
    for (int r = 0; r < 3 * 7; r++) {
      x[r * dModel] = Math.copySign(0.5f + 0.5f * Math.abs(x[r * dModel]), x[r * dModel]);
    }
    var report = GradCheck.checkLayer(ssm, x, 3, 7, 23);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    ssm.forward(x, 3, 7);
    long scaled = 0;
    for (float s : ssm.scales()) {
      scaled += s > 1 ? 1 : 0;
    }
    switch (regime) {
      case "above" -> assertThat(scaled).isEqualTo(21);
      case "below" -> assertThat(scaled).isZero();
      default -> assertThat(scaled).isBetween(3L, 18L);
    }
  }

  /** A = [[3, −1], [0, 2]]: s = 4 from row 0, and d(Σ A')/dA by hand. */
  @Test
  void normalize_handComputed() {
    for (DenseScan k : new DenseScan[] {new ScalarDenseScan(), new VectorDenseScan()}) {
      if (k instanceof VectorDenseScan && !VectorDenseScan.supports(2)) {
        continue;
      }
      float[] m = {3, 0, -1, 2}; // M = Aᵀ
      float[] scale = new float[1];
      int[] arg = new int[1];
      k.normalize(1, 2, m, 0, scale, arg, 0);
      assertThat(m).containsExactly(0.75f, 0f, -0.25f, 0.5f);
      assertThat(scale).containsExactly(4f);
      assertThat(arg).containsExactly(0);
      // L = Σ A'_ij = (Σ A_ij) / s: dL/dA_0j = 1/s − 4 sign(A_0j)/s², dL/dA_1j = 1/s
      float[] dm = {1, 1, 1, 1};
      k.normalizeBackward(1, 2, m, 0, scale, arg, 0, dm);
      assertThat(dm).containsExactly(0f, 0.25f, 0.5f, 0.25f);
    }
  }

  /** Permutations (‖P‖_∞ = 1) pass unchanged with an identity backward; ties take the first row. */
  @Test
  void normalize_permutationUnchanged_tiesTakeTheFirstRow() {
    var k = new ScalarDenseScan();
    float[] p = {0, 0, 1, 1, 0, 0, 0, 1, 0};
    float[] m = p.clone();
    float[] scale = new float[2];
    int[] arg = new int[2];
    k.normalize(1, 3, m, 0, scale, arg, 0);
    assertThat(m).containsExactly(p);
    assertThat(scale[0]).isEqualTo(1f);
    assertThat(arg[0]).isEqualTo(-1);
    float[] dm = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    k.normalizeBackward(1, 3, m, 0, scale, arg, 0, dm);
    assertThat(dm).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    float[] tie = {1, 2, 1, 0}; // A = [[1, 1], [2, 0]]: both rows sum to 2
    k.normalize(1, 2, tie, 0, scale, arg, 1);
    assertThat(scale[1]).isEqualTo(2f);
    assertThat(arg[1]).isZero();
  }

  /** h_1 = A(x_1) h_0 + B x_1 on a 1-channel, 2-state layer, by hand. */
  @Test
  void recurrence_handComputed() {
    var ssm = new InputDependentSsm("s", 1, 2, TransitionNorm.NONE, new SplittableRandom(1));
    var p = ssm.parameters();
    // A(x) = [[1, x], [0, 2]]: stored transposed, index j*N + i holds A[i][j]
    set(p.get(0), 0, 0, 1, 0); // W_A: A[0][1] = x
    set(p.get(1), 1, 0, 0, 2); // A_0
    set(p.get(2), 1, 1);       // B
    set(p.get(3), 1, 10);      // C
    set(p.get(4), 0);          // D
    float[] y = ssm.forward(new float[] {1, 3}, 1, 2);
    // h_0 = (1, 1); A(3) = [[1, 3], [0, 2]] so h_1 = (1 + 3, 2) + (3, 3) = (7, 5)
    assertThat(y).containsExactly(1 + 10, 7 + 50);
  }

  @Test
  void vectorScan_matchesScalarScan() {
    int n = 16;
    int len = 9;
    var rng = new SplittableRandom(5);
    float[] raw = random(len * n * n, 0.3f, rng);
    for (int t = 1; t < len; t += 2) { // odd tokens stay below the bound
      for (int k = 0; k < n * n; k++) {
        raw[t * n * n + k] *= 0.1f;
      }
    }
    float[] b = random(len * n, 1f, rng);
    float[] gIn = random(len * n, 1f, rng);
    float[][] m = {raw.clone(), raw.clone()};
    float[][] scale = new float[2][len];
    int[][] arg = new int[2][len];
    float[][] h = new float[2][len * n];
    float[][] g = {gIn.clone(), gIn.clone()};
    float[][] dm = new float[2][len * n * n];
    DenseScan[] kernels = {new ScalarDenseScan(), new VectorDenseScan()};
    for (int k = 0; k < 2; k++) {
      kernels[k].normalize(len, n, m[k], 0, scale[k], arg[k], 0);
      kernels[k].forward(len, n, m[k], 0, b, 0, h[k]);
      kernels[k].backward(len, n, m[k], 0, h[k], 0, g[k], dm[k]);
      kernels[k].normalizeBackward(len, n, m[k], 0, scale[k], arg[k], 0, dm[k]);
    }
    assertThat(m[1]).containsExactly(m[0]); // same sums in the same order
    assertThat(scale[1]).containsExactly(scale[0]);
    assertThat(arg[1]).containsExactly(arg[0]);
    assertThat(arg[0]).contains(-1);
    assertThat(java.util.Arrays.stream(arg[0]).max().orElseThrow()).isNotNegative();
    assertClose(h[1], h[0]);
    assertClose(g[1], g[0]);
    assertClose(dm[1], dm[0]);
  }

  /** The init keeps the spectral norm of A(x_t) at most 1 for inputs of norm √d. */
  @ParameterizedTest(name = "d_model={0} d_state={1}")
  @CsvSource({"64, 16", "128, 16", "32, 8"})
  void init_spectralNormAtMostOne(int dModel, int dState) {
    var ssm = new InputDependentSsm("s", dModel, dState, new SplittableRandom(6));
    float[] x = new float[64 * dModel];
    Init.normal(x, 1f, new SplittableRandom(7));
    ssm.forward(x, 1, 64);
    float[] m = ssm.transitions();
    for (int t = 0; t < 64; t++) {
      assertThat(spectralNorm(m, t * dState * dState, dState)).as("token %d", t)
          .isLessThanOrEqualTo(1.0);
    }
  }

  /** ‖M‖₂ by power iteration on MᵀM. */
  private static double spectralNorm(float[] m, int off, int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1 / Math.sqrt(n));
    double norm = 0;
    for (int it = 0; it < 200; it++) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          w[i] += m[off + i * n + j] * v[j];
        }
      }
      double[] u = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          u[j] += m[off + i * n + j] * w[i];
        }
      }
      double s = 0;
      for (double e : u) {
        s += e * e;
      }
      s = Math.sqrt(s);
      norm = Math.sqrt(s);
      for (int j = 0; j < n; j++) {
        v[j] = u[j] / s;
      }
    }
    return norm;
  }

  private static void assertClose(float[] got, float[] want) {
    for (int i = 0; i < want.length; i++) {
      assertThat((double) got[i]).as("index %d", i)
          .isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(want[i]))));
    }
  }

  private static float[] random(int size, float bound, SplittableRandom rng) {
    float[] a = new float[size];
    Init.uniform(a, bound, rng);
    return a;
  }

  private static void set(Parameter p, float... values) {
    System.arraycopy(values, 0, p.data(), 0, values.length);
  }

  /** O(1) weights so every gradient stands above the float32 noise; A(x) stays near 0.9·I. */
  static void randomize(InputDependentSsm ssm, long seed) {
    var rng = new SplittableRandom(seed);
    for (Parameter p : ssm.parameters()) {
      float scale = p.name().endsWith("A_proj.weight") ? 0.3f / ssm.stateSize() : 0.8f;
      float[] v = p.data();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) ((2 * rng.nextDouble() - 1) * scale);
      }
    }
  }
}
