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
import ssmlab.fp.Functions;
import ssmlab.fp.FloatP;
import ssmlab.model.mamba.reference.MambaReference;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;

/**
 * A trained Mamba compiled into a threshold circuit for sequences of one length n: the
 * {@link MambaReference} run over {@link WireArithmetic}, so the circuit computes exactly what the
 * F_p interpreter computes in the same {@link ScanForm}. Ports as {@link TokenPorts}: inputs
 * {@code t0 .. t(n-1)}, each a token id in binary (ids beyond the vocabulary select a zero
 * embedding); outputs {@code logits0 .. logits(n-1)}, each the vocabulary's logits as consecutive
 * F_p buses ({@link FpWires#bits}).
 *
 * @param circuit the circuit
 * @param weights the model
 * @param format the number format
 * @param form the scan's form
 * @param length n
 * @param levelled whether it was built by a levelled builder
 */
public record MambaCircuit(Circuit circuit, MambaWeights weights, FloatFormat format,
    ScanForm form, int length, boolean levelled, Functions functions) implements ModelCircuit {

  /** Compiles the model for sequences of {@code length} tokens. */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length) {
    return compile(w, f, form, length, false);
  }

  /**
   * Compiles the model for sequences of {@code length} tokens; {@code levelled}: with a
   * {@link CircuitBuilder#levelled()} builder, so that every block keeps its constructed depth.
   */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled) {
    return compile(w, f, form, length, levelled, Functions.TABLE);
  }

  /** The same with the functions as tables or as the paper builds them. */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions) {
    if (length < 1) {
      throw new IllegalArgumentException("the sequence length must be at least 1");
    }
    var b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    var ref = new MambaReference<>(new WireArithmetic(b, f, functions), w, form);
    List<List<FpWires>> rows = new ArrayList<>();
    for (int v = 0; v < w.embedding().length; v++) {
      rows.add(ref.embed(v));
    }
    TokenPorts.output(b, ref.forward(TokenPorts.embed(b, f, rows, length)));
    return new MambaCircuit(b.build(), w, f, form, length, levelled, functions);
  }

  @Override
  public String family() {
    return "mamba";
  }

  @Override
  public int vocab() {
    return weights.embedding().length;
  }

  @Override
  public Function<int[], List<List<FloatP>>> interpreter() {
    return new MambaReference<>(new FloatPArithmetic(format, functions), weights,
        form)::logits;
  }
}
