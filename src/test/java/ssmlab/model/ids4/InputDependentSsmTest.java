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

  @ParameterizedTest(name = "d_model={0} d_state={1}")
  @CsvSource({"6, 16", "5, 3", "4, 1"}) // N = 16: the vector scan on every x86 width; 3, 1: scalar
  void backward_matchesFiniteDifferences(int dModel, int dState) {
    var ssm = new InputDependentSsm("s", dModel, dState, new SplittableRandom(2));
    randomize(ssm, 3);
    var report = GradCheck.checkLayer(ssm, 2, 6, 21);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
    assertThat(report.perTensor()).hasSize(1 + ssm.parameters().size());
  }

  @Test
  void mixer_backward_matchesFiniteDifferences() {
    var mixer = IDS4LM.mixer("m", 6, 16, new SplittableRandom(4));
    var report = GradCheck.checkLayer(mixer, 2, 5, 22);
    assertThat(report.maxError()).as(report.toString()).isLessThan(GradCheck.TOLERANCE);
  }

  /** h_1 = A(x_1) h_0 + B x_1 on a 1-channel, 2-state layer, by hand. */
  @Test
  void recurrence_handComputed() {
    var ssm = new InputDependentSsm("s", 1, 2, new SplittableRandom(1));
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
    float[] m = random(len * n * n, 0.3f, rng);
    float[] b = random(len * n, 1f, rng);
    float[] gIn = random(len * n, 1f, rng);
    float[][] h = new float[2][len * n];
    float[][] g = {gIn.clone(), gIn.clone()};
    float[][] dm = new float[2][len * n * n];
    DenseScan[] kernels = {new ScalarDenseScan(), new VectorDenseScan()};
    for (int k = 0; k < 2; k++) {
      kernels[k].forward(len, n, m, 0, b, 0, h[k]);
      kernels[k].backward(len, n, m, 0, h[k], 0, g[k], dm[k]);
    }
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
