package ssmlab.model.s4d.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.arith.DoubleArithmetic;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.SequenceModel;

final class S4DReferenceTest {

  @ParameterizedTest(name = "d_model {0}, d_state {1}, layers {2}, {3}")
  @CsvSource({"4, 3, 1, CONVOLUTION", "4, 3, 2, RECURRENT", "3, 5, 2, CONVOLUTION"})
  void doubleReference_matchesTheEngine(int dModel, int dState, int layers, LtiForm form) {
    var config = new ModelConfig("s4d", 7, dModel, layers, Map.of("d_state", "" + dState));
    SequenceModel model = Models.create(config, 21);
    int n = 9;
    var r = new SplittableRandom(dModel * 31L + layers);
    int[] tokens = new int[n];
    for (int t = 0; t < n; t++) {
      tokens[t] = r.nextInt(7);
    }
    float[] engine = model.forward(tokens, 1, n);
    var ref = new S4DReference<>(DoubleArithmetic.INSTANCE, S4DWeights.of(model), form);
    List<List<Double>> logits = ref.logits(tokens);
    double scale = 0;
    double worst = 0;
    for (int t = 0; t < n; t++) {
      for (int v = 0; v < 7; v++) {
        scale = Math.max(scale, Math.abs(engine[t * 7 + v]));
        worst = Math.max(worst, Math.abs(engine[t * 7 + v] - logits.get(t).get(v)));
      }
    }
    // float32 engine against double reference: the same model up to float rounding
    assertThat(worst / scale).as("relative error, %s", form).isLessThan(1e-4);
  }
}
