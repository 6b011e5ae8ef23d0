package ssmlab.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.ModelConfig;
import ssmlab.model.Models;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.model.s4d.reference.S4DWeights;

final class S4DCircuitTest {

  static S4DWeights tiny(int dModel, int dState, int layers) {
    var config = new ModelConfig("s4d", 3, dModel, layers, Map.of("d_state", "" + dState));
    return S4DWeights.of(Models.create(config, 11));
  }

  @ParameterizedTest(name = "{0}, n={1}, layers {2}, levelled {3}")
  @CsvSource({"unrolled, 2, 1, false", "unrolled, 4, 1, true", "sequential, 3, 1, false",
      "unrolled, 3, 2, false"})
  void circuit_agreesBitForBitWithTheFpInterpreter(String form, int n, int layers,
      boolean levelled) {
    S4DCircuit c = S4DCircuit.compile(tiny(2, 2, layers), FloatFormat.of(4, 4),
        ScanForm.parse(form), n, levelled, Functions.TABLE);
    assertThat(c.verify(24, n)).isEqualTo(24);
  }

  @Test
  void levelledConvolutionDepth_isOneNumber_recurrentGrows() {
    S4DWeights w = tiny(2, 2, 1);
    FloatFormat f = FloatFormat.of(4, 4);
    int[] lengths = {2, 3, 5};
    int[] convolution = new int[lengths.length];
    int[] recurrent = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      convolution[i] = S4DCircuit.compile(w, f, ScanForm.UNROLLED, lengths[i], true,
          Functions.TABLE).circuit().depth();
      recurrent[i] = S4DCircuit.compile(w, f, ScanForm.SEQUENTIAL, lengths[i], true,
          Functions.TABLE).circuit().depth();
    }
    assertThat(convolution).as("convolution depths at n = 2, 3, 5").containsOnly(convolution[0]);
    assertThat(recurrent[1]).isGreaterThan(recurrent[0]);
    assertThat(recurrent[2]).isGreaterThan(recurrent[1]);
  }

  @Test
  void modelCircuit_compilesS4dAndRefusesOtherFamilies() {
    var s4d = Models.create(new ModelConfig("s4d", 3, 2, 1, Map.of("d_state", "1")), 3);
    ModelCircuit c = ModelCircuit.compile(s4d, FloatFormat.of(3, 3), ScanForm.UNROLLED, 2, false,
        Functions.TABLE);
    assertThat(c.family()).isEqualTo("s4d");
    assertThat(c.vocab()).isEqualTo(3);
    var lstm = Models.create(Models.config("lstm", Map.of("d_model", 2, "layers", 1), 3), 3);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ModelCircuit.compile(lstm, FloatFormat.of(3, 3), ScanForm.UNROLLED, 2,
            false, Functions.TABLE))
        .withMessageContaining("not lstm");
  }

  @Test
  @Tag("slow")
  void paperFunctions_circuitAgreesBitForBitWithThePaperInterpreter() {
    S4DCircuit c = S4DCircuit.compile(tiny(2, 1, 1), FloatFormat.of(3, 3), ScanForm.UNROLLED, 2,
        false, Functions.PAPER);
    assertThat(c.verify(16, 2)).isEqualTo(16);
  }
}
