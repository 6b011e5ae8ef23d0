package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

final class RecurrentTest {

  @Test
  void lstm_gradients_matchFiniteDifferences() {
    var layer = new LSTM("lstm", 3, 5, new SplittableRandom(1));
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 4, 41);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void elman_gradients_matchFiniteDifferences() {
    var layer = new ElmanRNN("rnn", 3, 5, new SplittableRandom(2));
    GradCheck.Report r = GradCheck.checkLayer(layer, 2, 4, 42);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void elman_oneUnit_handComputed() {
    var layer = new ElmanRNN("rnn", 1, 1, new SplittableRandom(3));
    var p = layer.parameters();
    p.get(0).data()[0] = 0.5f; // W_ih
    p.get(1).data()[0] = -0.3f; // W_hh
    p.get(2).data()[0] = 0.1f; // b_ih
    p.get(3).data()[0] = 0f; // b_hh
    float[] h = layer.forward(new float[] {1f, 2f}, 1, 2);
    double h0 = Math.tanh(0.5 + 0.1);
    double h1 = Math.tanh(1.0 + 0.1 - 0.3 * h0);
    assertThat((double) h[0]).isCloseTo(h0, within(1e-6));
    assertThat((double) h[1]).isCloseTo(h1, within(1e-6));
  }

  @Test
  void lstm_matchesNaiveDoubleReference() {
    int in = 2;
    int hd = 3;
    int len = 3;
    var layer = new LSTM("lstm", in, hd, new SplittableRandom(4));
    float[] x = GradCheck.randomProjection(len * in, new SplittableRandom(5));
    float[] y = layer.forward(x, 1, len);
    var p = layer.parameters();
    float[] wih = p.get(0).data();
    float[] whh = p.get(1).data();
    float[] bih = p.get(2).data();
    float[] bhh = p.get(3).data();
    double[] h = new double[hd];
    double[] c = new double[hd];
    for (int t = 0; t < len; t++) {
      double[] z = new double[4 * hd];
      for (int g = 0; g < 4 * hd; g++) {
        z[g] = bih[g] + bhh[g];
        for (int i = 0; i < in; i++) {
          z[g] += (double) wih[g * in + i] * x[t * in + i];
        }
        for (int j = 0; j < hd; j++) {
          z[g] += whh[g * hd + j] * h[j];
        }
      }
      for (int j = 0; j < hd; j++) {
        double ig = 1 / (1 + Math.exp(-z[j]));
        double fg = 1 / (1 + Math.exp(-z[hd + j]));
        double gg = Math.tanh(z[2 * hd + j]);
        double og = 1 / (1 + Math.exp(-z[3 * hd + j]));
        c[j] = fg * c[j] + ig * gg;
        h[j] = og * Math.tanh(c[j]);
      }
      for (int j = 0; j < hd; j++) {
        assertThat((double) y[t * hd + j]).as("t=%d j=%d", t, j).isCloseTo(h[j], within(1e-6));
      }
    }
  }
}
