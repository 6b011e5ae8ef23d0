package ssmlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class WarmupCosineTest {

  @Test
  void schedule_keyPoints() {
    var s = new WarmupCosine(1.0, 0.1, 10, 110);
    assertThat(s.at(0)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(9)).isCloseTo(1.0, within(1e-12));
    assertThat(s.at(10)).isCloseTo(1.0, within(1e-12));
    // halfway through the decay the cosine factor is 1/2
    assertThat(s.at(60)).isCloseTo(0.55, within(1e-12));
    assertThat(s.at(110)).isCloseTo(0.1, within(1e-12));
    assertThat(s.at(500)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void noWarmup_startsAtPeak() {
    assertThat(new WarmupCosine(0.5, 0, 0, 4).at(0)).isEqualTo(0.5);
  }

  @Test
  void badSteps_areRejected() {
    assertThatThrownBy(() -> new WarmupCosine(1, 0, 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
