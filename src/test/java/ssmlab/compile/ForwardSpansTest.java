package ssmlab.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssmlab.circuit.Replay;
import ssmlab.compile.uniform.MambaProgram;
import ssmlab.compile.uniform.Operand;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

final class ForwardSpansTest {

  @ParameterizedTest(name = "{0}, n={1}, eigenvalues {2}, d_conv {3}, layers {4}")
  @CsvSource({"unrolled, 3, '0,1', 2, 1", "unrolled, 4, '-1,1', 1, 2",
      "sequential, 3, '-1,1', 2, 2"})
  void theCircuit_isTheProgramsBlocksInOrder(String form, int n, String ev, int dConv,
      int layers) {
    MambaWeights w = MambaCircuitTest.tiny(ev, dConv, layers);
    ScanForm f = ScanForm.parse(form);
    FloatFormat format = FloatFormat.of(4, 3);
    ForwardSpans built = ForwardSpans.of(w, format, Functions.TABLE, f, n);
    MambaProgram program = MambaProgram.of(w, f);

    List<ForwardSpans.Span> spans = built.spans();
    assertThat((long) spans.size()).isEqualTo(program.size(n));
    int next = built.prologue();
    Map<String, Integer> gatesOf = new HashMap<>();
    for (int k = 0; k < spans.size(); k++) {
      ForwardSpans.Span s = spans.get(k);
      assertThat(s.call()).as("step %d", k).isEqualTo(program.call(n, k));
      assertThat(s.first()).as("step %d starts where step %d ended", k, k - 1).isEqualTo(next);
      next = s.first() + s.gates();
      // a step's block is fixed by its call, its arity and which operands are weights: the
      // family's part for step k
      StringBuilder shape = new StringBuilder(s.call() + "/");
      for (long i = 0; i < program.arity(n, k); i++) {
        shape.append(program.operand(n, k, i) instanceof Operand.Constant ? 'c' : 'v');
      }
      assertThat(gatesOf.computeIfAbsent(shape.toString(), x -> s.gates()))
          .as("gates of %s", shape)
          .isEqualTo(s.gates());
    }
    assertThat(next).as("no gates after the last step").isEqualTo(built.builder().gateCount());

    MambaCircuit direct = MambaCircuit.compile(w, format, f, n, false, Functions.TABLE);
    assertThat(Replay.firstDifference(Replay.simplify(built.builder()).build(),
        direct.circuit())).as("the verbatim build, simplified, is circuit model's").isNull();
  }
}
