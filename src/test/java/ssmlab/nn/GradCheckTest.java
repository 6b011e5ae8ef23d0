package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class GradCheckTest {

  /** y = x², with a backward that is off by {@code factor}. */
  record Square(int dim, float factor) implements Layer {
    static float[] last;

    @Override
    public int inputDim() {
      return dim;
    }

    @Override
    public int outputDim() {
      return dim;
    }

    @Override
    public float[] forward(float[] x, int batch, int len) {
      last = x;
      float[] y = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] * x[i];
      }
      return y;
    }

    @Override
    public float[] backward(float[] dy) {
      float[] dx = new float[dy.length];
      for (int i = 0; i < dy.length; i++) {
        dx[i] = factor * 2 * last[i] * dy[i];
      }
      return dx;
    }
  }

  @Test
  void correctBackward_passesWithSmallError() {
    GradCheck.Report r = GradCheck.checkLayer(new Square(5, 1f), 2, 2, 1);
    assertThat(r.maxError()).isLessThan(1e-3);
  }

  @Test
  void backwardOffByFivePercent_fails() {
    GradCheck.Report r = GradCheck.checkLayer(new Square(5, 1.05f), 2, 2, 1);
    assertThat(r.maxError()).isGreaterThan(GradCheck.TOLERANCE);
  }
}
