package ssmlab.model.s4d.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssmlab.arith.Arithmetic;
import ssmlab.arith.DoubleArithmetic;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.model.s4d.S4DKernel;

final class LtiSsmTest {
  static final int H = 3;
  static final int N = 4;
  static final int L = 12;

  record Case(float[] logDt, float[] aLog, float[] b, float[] c, float[] d, float[] u) {}

  static Case random(long seed) {
    var r = new SplittableRandom(seed);
    float[] logDt = new float[H];
    float[] aLog = new float[H * N];
    float[] b = new float[H * N];
    float[] c = new float[H * N];
    float[] d = new float[H];
    float[] u = new float[L * H];
    for (int i = 0; i < H; i++) {
      logDt[i] = (float) r.nextDouble(-4, -1);
      d[i] = (float) r.nextDouble(-1, 1);
    }
    for (int i = 0; i < H * N; i++) {
      aLog[i] = (float) Math.log(1 + i % N);
      b[i] = (float) r.nextDouble(-1, 1);
      c[i] = (float) r.nextDouble(-1, 1);
    }
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) r.nextDouble(-1, 1);
    }
    return new Case(logDt, aLog, b, c, d, u);
  }

  static double[][] matrix(float[] x) {
    double[][] m = new double[H][N];
    for (int i = 0; i < H * N; i++) {
      m[i / N][i % N] = x[i];
    }
    return m;
  }

  static <T> LtiSsm<T> ssm(Arithmetic<T> ar, Case k, S4DKernel.Discrete p) {
    double[] d = new double[H];
    for (int i = 0; i < H; i++) {
      d[i] = k.d()[i];
    }
    return new LtiSsm<>(ar, matrix(p.aBar()), matrix(p.bBar()), matrix(p.c()), d);
  }

  static <T> List<List<T>> input(Arithmetic<T> ar, float[] u) {
    List<List<T>> x = new ArrayList<>();
    for (int t = 0; t < L; t++) {
      List<T> row = new ArrayList<>();
      for (int i = 0; i < H; i++) {
        row.add(ar.constant(u[t * H + i]));
      }
      x.add(row);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void bothForms_inDouble_matchTheEngineS4DKernel(long seed) {
    Case k = random(seed);
    var p = S4DKernel.discretize(k.logDt(), k.aLog(), k.b(), k.c(), H, N);
    float[] conv = new float[L * H];
    float[] rec = new float[L * H];
    S4DKernel.convolve(S4DKernel.kernel(p, H, N, L), k.d(), k.u(), conv, 1, L, H);
    S4DKernel.recurrent(p, k.d(), k.u(), rec, 1, L, H, N);
    var ssm = ssm(DoubleArithmetic.INSTANCE, k, p);
    var u = input(DoubleArithmetic.INSTANCE, k.u());
    List<List<Double>> c = ssm.convolution(u);
    List<List<Double>> r = ssm.recurrent(u);
    for (int t = 0; t < L; t++) {
      for (int i = 0; i < H; i++) {
        assertThat(c.get(t).get(i)).as("seed %d t %d", seed, t).isCloseTo(conv[t * H + i],
            offset(1e-5));
        assertThat(r.get(t).get(i)).as("seed %d t %d", seed, t).isCloseTo(rec[t * H + i],
            offset(1e-5));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 10, 24})
  void forms_inFp_differByRoundingOnly(int precision) {
    Case k = random(7);
    var p = S4DKernel.discretize(k.logDt(), k.aLog(), k.b(), k.c(), H, N);
    var fp = new FloatPArithmetic(FloatFormat.of(precision, 8));
    var ssm = ssm(fp, k, p);
    var u = input(fp, k.u());
    List<List<FloatP>> c = ssm.convolution(u);
    List<List<FloatP>> r = ssm.recurrent(u);
    double worst = 0;
    for (int t = 0; t < L; t++) {
      for (int i = 0; i < H; i++) {
        worst = Math.max(worst,
            Math.abs(c.get(t).get(i).toDouble() - r.get(t).get(i).toDouble()));
      }
    }
    // a few units of 2^-p per rounding, over L steps of magnitudes below about 4
    assertThat(worst).as("p = %d", precision).isLessThan(4.0 * L * Math.pow(2, -precision) * 4);
  }
}
