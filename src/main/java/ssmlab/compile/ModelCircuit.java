package ssmlab.compile;

import java.util.List;
import java.util.function.Function;

import ssmlab.circuit.Circuit;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;
import ssmlab.model.SequenceModel;
import ssmlab.model.mamba.reference.MambaWeights;
import ssmlab.model.mamba.reference.ScanForm;
import ssmlab.model.s4d.reference.S4DWeights;

/**
 * A trained language model compiled into a threshold circuit for sequences of one length n, with
 * the ports of {@link TokenPorts}: what {@code circuit model} and {@code circuit scale} build.
 */
public sealed interface ModelCircuit permits MambaCircuit, S4DCircuit {

  /** The circuit. */
  Circuit circuit();

  /** The model family, e.g. {@code mamba}. */
  String family();

  FloatFormat format();

  /**
   * The form: Mamba's scan unrolled or sequential; for S4D, unrolled is the convolution form and
   * sequential the recurrent one.
   */
  ScanForm form();

  /** n. */
  int length();

  /** Whether it was built by a levelled builder. */
  boolean levelled();

  Functions functions();

  /**
   * Whether the first block's per-position values up to the scan are tables selected by the
   * tokens they depend on (Mamba only).
   */
  default boolean tokenTables() {
    return false;
  }

  /** The vocabulary size: the values of a token port, the logits of a position. */
  int vocab();

  /** The F_p interpreter of the same model in the same form: tokens to logits (length, vocab). */
  Function<int[], List<List<FloatP>>> interpreter();

  /** The circuit's logits (sequence, length, vocab) on token sequences, by evaluation. */
  default List<List<List<FloatP>>> evaluate(List<int[]> sequences) {
    return TokenPorts.evaluate(circuit(), format(), length(), vocab(), sequences);
  }

  /**
   * Evaluates the circuit on {@code count} random token sequences and compares every logit bit
   * for bit with the F_p interpreter in the same form; returns how many sequences agree.
   */
  default int verify(int count, long seed) {
    List<int[]> sequences = TokenPorts.randomSequences(count, length(), vocab(), seed);
    List<List<List<FloatP>>> got = evaluate(sequences);
    Function<int[], List<List<FloatP>>> interpreter = interpreter();
    int agree = 0;
    for (int s = 0; s < count; s++) {
      if (interpreter.apply(sequences.get(s)).equals(got.get(s))) {
        agree++;
      }
    }
    return agree;
  }

  /** Compiles a {@code mamba} or {@code s4d} model; other families are refused. */
  static ModelCircuit compile(SequenceModel model, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions) {
    return compile(model, f, form, length, levelled, functions, false);
  }

  /**
   * The same; {@code tokenTables} as {@link MambaCircuit#compile(MambaWeights, FloatFormat,
   * ScanForm, int, boolean, Functions, boolean)} (refused for S4D).
   */
  static ModelCircuit compile(SequenceModel model, FloatFormat f, ScanForm form, int length,
      boolean levelled, Functions functions, boolean tokenTables) {
    String family = model.config().family();
    if (tokenTables && !family.equals("mamba")) {
      throw new IllegalArgumentException("token tables are built for mamba models, not "
          + family);
    }
    return switch (family) {
      case "mamba" -> MambaCircuit.compile(MambaWeights.of(model), f, form, length, levelled,
          functions, tokenTables);
      case "s4d" -> S4DCircuit.compile(S4DWeights.of(model), f, form, length, levelled,
          functions);
      default -> throw new IllegalArgumentException("circuits are compiled from mamba and s4d "
          + "models, not " + model.config().family());
    };
  }
}
