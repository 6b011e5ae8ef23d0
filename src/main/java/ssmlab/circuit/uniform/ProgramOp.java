package ssmlab.circuit.uniform;

import java.util.List;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/**
 * Operation {@code index} of a {@link FunctionProgram}: one {@code FpAlgebra} call that builds
 * gates, with its operands (earlier results, the input or constants).
 *
 * @param index its position in the program (the first field of a function family's address)
 * @param kind which builder code makes its gates
 * @param operands the values it reads, in the call's order (for lookup: the key only)
 * @param format the format of its result
 * @param keys lookup keys, else empty
 * @param values lookup values, else empty
 */
record ProgramOp(int index, OpKind kind, List<ProgramValue> operands, FloatFormat format,
    List<FloatP> keys, List<FloatP> values) {

  ProgramOp(int index, OpKind kind, List<ProgramValue> operands, FloatFormat format) {
    this(index, kind, operands, format, List.of(), List.of());
  }
}
