package ssmlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class GluTest {

  @Test
  void gradient_matchesFiniteDifferences() {
    GradCheck.Report r = GradCheck.checkLayer(new Glu(5), 2, 3, 19);
    assertThat(r.maxError()).as("%s", r).isLessThan(GradCheck.TOLERANCE);
  }

  @Test
  void handComputed() {
    float[] y = new Glu(1).forward(new float[] {3f, 0f}, 1, 1);
    assertThat(y).containsExactly(1.5f); // 3·σ(0)
  }
}
