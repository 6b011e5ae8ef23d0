package ssmlab.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireArithmetic;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.model.s4d.reference.LtiForm;
import ssmlab.model.s4d.reference.S4DReference;
import ssmlab.model.s4d.reference.S4DWeights;

/**
 * A trained S4D compiled into a threshold circuit for sequences of one length n: the
 * {@link S4DReference} run over {@link WireArithmetic}, so the circuit computes exactly what the
 * F_p interpreter computes in the same form. {@link ScanForm#UNROLLED} is the convolution form
 * (Lemma 4.3, B.7-B.8: the kernel K_k = C Abar^k Bbar by iterated products and sums, y = K * u by
 * one iterated sum per output; the weights are constants, so the builder folds K to constant
 * buses), {@link ScanForm#SEQUENTIAL} the recurrent form, one multiply-add per step.
 *
 * @param circuit the circuit, with the ports of {@link TokenPorts}
 * @param weights the model
 * @param format the number format
 * @param form unrolled (convolution) or sequential (recurrent)
 * @param length n
 * @param levelled whether it was built by a levelled builder
 * @param functions how sigmoid and sqrt are built
 */
public record S4DCircuit(Circuit circuit, S4DWeights weights, FloatFormat format, ScanForm form,
    int length, boolean levelled, Functions functions) implements ModelCircuit {

  /** Compiles the model for sequences of {@code length} tokens. */
  public static S4DCircuit compile(S4DWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions) {
    if (length < 1) {
      throw new IllegalArgumentException("the sequence length must be at least 1");
    }
    var b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    var ref = new S4DReference<>(new WireArithmetic(b, f, functions), w, ltiForm(form));
    List<List<FpWires>> rows = new ArrayList<>();
    for (int v = 0; v < w.embedding().length; v++) {
      rows.add(ref.embed(v));
    }
    TokenPorts.output(b, ref.forward(TokenPorts.embed(b, f, rows, length)));
    return new S4DCircuit(b.build(), w, f, form, length, levelled, functions);
  }

  /** The SSM's form for a scan form: unrolled is the convolution, sequential the recurrence. */
  public static LtiForm ltiForm(ScanForm form) {
    return form == ScanForm.UNROLLED ? LtiForm.CONVOLUTION : LtiForm.RECURRENT;
  }

  @Override
  public String family() {
    return "s4d";
  }

  @Override
  public int vocab() {
    return weights.embedding().length;
  }

  @Override
  public Function<int[], List<List<FloatP>>> interpreter() {
    return new S4DReference<>(new FloatPArithmetic(format, functions), weights,
        ltiForm(form))::logits;
  }
}
