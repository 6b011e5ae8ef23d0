package ssmlab.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireArithmetic;
import ssmlab.compile.uniform.Call;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * A compiled Mamba built in a verbatim builder (nothing simplified or shared), every
 * {@code Arithmetic} call of its forward timed by the builder's gate count: the circuit as the
 * program's F_p blocks laid out in order, what an addressed family of the compiled Mamba puts at
 * addresses (step, gate within the step's block).
 *
 * @param builder the verbatim builder, ports included
 * @param prologue the gates before the forward's first call (token ports, embedding muxes)
 * @param spans one per call, in call order
 * @param outputs the output ports' bits (the logits), in order
 */
public record ForwardSpans(CircuitBuilder builder, int prologue, List<Span> spans,
    int[] outputs) {
  /**
   * One call.
   *
   * @param call which
   * @param first the builder's number of its first gate
   * @param gates how many gates it appended
   * @param operands each operand's bus ({@link FpWires#bits})
   * @param result the result's bus
   */
  public record Span(Call call, int first, int gates, int[][] operands, int[] result) {}

  /** The verbatim build of {@code w} at length n without token tables, with its spans. */
  public static ForwardSpans of(MambaWeights w, FloatFormat f, Functions functions,
      ScanForm form, int n) {
    CircuitBuilder b = CircuitBuilder.verbatim();
    List<Span> spans = new ArrayList<>();
    int[] prologue = {-1};
    var observer = new ObservedArithmetic.Observer() {
      @Override
      public <T> T around(Call call, List<T> operands, Supplier<T> run) {
        if (prologue[0] < 0) {
          prologue[0] = b.gateCount();
        }
        int before = b.gateCount();
        T out = run.get();
        int[][] in = operands.stream().map(x -> ((FpWires) x).bits()).toArray(int[][]::new);
        spans.add(new Span(call, before, b.gateCount() - before, in, ((FpWires) out).bits()));
        return out;
      }
    };
    var ar = new ObservedArithmetic<>(new WireArithmetic(b, f, functions), observer);
    int[] outputs = MambaCircuit.build(b, ar, w, f, functions, form, n, false);
    return new ForwardSpans(b, prologue[0], List.copyOf(spans), outputs);
  }
}
