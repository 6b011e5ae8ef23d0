package ssmlab.compile.uniform;

import java.util.List;

/** One step of a program: a call and its operands, in the order the call takes them. */
public record ProgramStep(Call call, List<Operand> operands) {
  public ProgramStep {
    operands = List.copyOf(operands);
  }
}
