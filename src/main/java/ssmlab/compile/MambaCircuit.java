package ssmlab.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import ssmlab.arith.Arithmetic;
import ssmlab.arith.FloatPArithmetic;
import ssmlab.circuit.Circuit;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.circuit.fp.FpWires;
import ssmlab.circuit.fp.WireArithmetic;
import ssmlab.circuit.tc0.Multiplexer;
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
 * @param functions how exp, softplus, SiLU... are built
 * @param tokenTables whether the first block's positions come from tables over their tokens
 */
public record MambaCircuit(Circuit circuit, MambaWeights weights, FloatFormat format,
    ScanForm form, int length, boolean levelled, Functions functions, boolean tokenTables)
    implements ModelCircuit {

  /** The most index bits (token bits · d_conv) of a first-block table: 2^16 rows. */
  static final int MAX_TABLE_BITS = 16;

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
    return compile(w, f, form, length, levelled, functions, false);
  }

  /**
   * The same; {@code tokenTables}: the first block's positions up to the scan (RMSNorm, in_proj,
   * convolution, SiLU, x_proj, softplus, exp, and SiLU(z)), which depend on the d_conv tokens
   * ending at that position only, are read from a table selected by those tokens' bits, filled
   * by the F_p interpreter ({@link MambaReference#firstPositions}), instead of built as gates.
   */
  public static MambaCircuit compile(MambaWeights w, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions, boolean tokenTables) {
    if (length < 1) {
      throw new IllegalArgumentException("the sequence length must be at least 1");
    }
    var b = levelled ? CircuitBuilder.levelled() : new CircuitBuilder();
    build(b, new WireArithmetic(b, f, functions), w, f, functions, form, length, tokenTables);
    return new MambaCircuit(b.build(), w, f, form, length, levelled, functions, tokenTables);
  }

  /**
   * Builds the circuit into {@code b} with the model's calls made on {@code ar} (a
   * {@link WireArithmetic} on {@code b} in F_f with {@code functions}, or one that observes it):
   * the token ports, the embedding's multiplexers, the forward, the output ports; returns the
   * output ports' bits in order.
   */
  static int[] build(CircuitBuilder b, Arithmetic<FpWires> ar, MambaWeights w, FloatFormat f,
      Functions functions, ScanForm form, int length, boolean tokenTables) {
    var ref = new MambaReference<>(ar, w, form);
    List<List<FpWires>> rows = new ArrayList<>();
    for (int v = 0; v < w.embedding().length; v++) {
      rows.add(ref.embed(v));
    }
    int[][] tokens = TokenPorts.inputs(b, rows.size(), length);
    List<List<FpWires>> embedded = TokenPorts.embed(b, f, rows, tokens);
    List<List<FpWires>> logits = tokenTables
        ? ref.forward(embedded, firstPositions(b, w, f, functions, form, tokens))
        : ref.forward(embedded);
    TokenPorts.output(b, logits);
    return logits.stream().flatMap(List::stream).map(FpWires::bits).flatMapToInt(
        Arrays::stream).toArray();
  }

  /** The first block's positions, each a multiplexer over its window's table. */
  private static List<MambaReference.Position<FpWires>> firstPositions(CircuitBuilder b,
      MambaWeights w, FloatFormat f, Functions functions, ScanForm form, int[][] tokens) {
    var interpreter = new MambaReference<>(new FloatPArithmetic(f, functions), w, form);
    int kernel = w.config().dConv();
    int bits = tokens[0].length;
    int widest = Math.min(kernel, tokens.length);
    if (bits * widest > MAX_TABLE_BITS) {
      throw new IllegalArgumentException("token tables need 2^" + bits * widest + " rows "
          + "(windows of " + widest + " tokens of " + bits + " bits), more than 2^"
          + MAX_TABLE_BITS);
    }
    int[][][] tables = new int[kernel + 1][][];
    List<MambaReference.Position<FpWires>> positions = new ArrayList<>(tokens.length);
    for (int t = 0; t < tokens.length; t++) {
      int window = Math.min(t + 1, kernel);
      if (tables[window] == null) {
        tables[window] = table(interpreter, bits, window);
      }
      int[] index = new int[window * bits];
      for (int s = 0; s < window; s++) {
        System.arraycopy(tokens[t - window + 1 + s], 0, index, s * bits, bits);
      }
      List<FpWires> values = TokenPorts.buses(f, Multiplexer.select(b, index, tables[window]));
      positions.add(MambaReference.Position.of(values, w.config().dInner(),
          w.config().dState()));
    }
    return positions;
  }

  /**
   * The last position's values for every window of {@code window} token ids of {@code bits}
   * bits each, the first token least significant in the row's index; ids beyond the vocabulary
   * embed as zeros, as the embedding's multiplexer selects them.
   */
  private static int[][] table(MambaReference<FloatP> interpreter, int bits, int window) {
    int size = 1 << (bits * window);
    int vocab = interpreter.weights().embedding().length;
    List<FloatP> zeros = Collections.nCopies(interpreter.weights().config().dModel(),
        interpreter.arithmetic().zero());
    int[][] table = new int[size][];
    for (int row = 0; row < size; row++) {
      List<List<FloatP>> embedded = new ArrayList<>(window);
      for (int s = 0; s < window; s++) {
        int id = row >>> (s * bits) & ((1 << bits) - 1);
        embedded.add(id < vocab ? interpreter.embed(id) : zeros);
      }
      table[row] = TokenPorts.bits(interpreter.firstPositions(embedded).getLast().values()
          .stream().map(FpWires::constant).toList());
    }
    return table;
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
