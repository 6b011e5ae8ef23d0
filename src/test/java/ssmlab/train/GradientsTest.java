package ssmlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import ssmlab.nn.Parameter;

final class GradientsTest {

  @Test
  void clipGlobalNorm_threeFour_scaledToUnitNorm() {
    var a = new Parameter("a", true, 1);
    var b = new Parameter("b", true, 1);
    a.grad()[0] = 3f;
    b.grad()[0] = 4f;
    double norm = Gradients.clipGlobalNorm(List.of(a, b), 1.0);
    assertThat(norm).isCloseTo(5.0, within(1e-12));
    assertThat(a.grad()[0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(b.grad()[0]).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void clipGlobalNorm_belowLimit_leavesGradients() {
    var a = new Parameter("a", true, 2);
    a.grad()[0] = 0.1f;
    Gradients.clipGlobalNorm(List.of(a), 1.0);
    assertThat(a.grad()[0]).isEqualTo(0.1f);
  }

  @Test
  void requireFinite_nanGradient_namesStepAndTensor() {
    var a = new Parameter("layers.0.mixer.A_log", false, 3);
    a.grad()[2] = Float.NaN;
    assertThatThrownBy(() -> Gradients.requireFinite(17, 1.0, List.of(a)))
        .isInstanceOf(Gradients.NonFiniteException.class)
        .hasMessage("step 17: the gradient of layers.0.mixer.A_log is NaN at index 2");
  }

  @Test
  void requireFinite_infiniteLoss_namesStep() {
    assertThatThrownBy(() -> Gradients.requireFinite(3, Double.POSITIVE_INFINITY, List.of()))
        .hasMessage("step 3: the loss is Infinity");
  }
}
