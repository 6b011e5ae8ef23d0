package ssmlab.nc1;

import java.util.ArrayList;
import java.util.List;

/**
 * A width-5 permutation branching program: a list of instructions, each reading one variable and
 * yielding one of two permutations of {1..5}; its value on an input is the product of the
 * yielded permutations, first instruction first. It {@code cycle}-computes a function f if the
 * product is {@code cycle} when f is 1 and the identity when f is 0 (Barrington 1986).
 */
public record BranchingProgram(List<Instruction> instructions, Perm cycle) {

  /** Reads {@code x<variable>}: yields {@code if0} when it is 0 and {@code if1} when it is 1. */
  public record Instruction(int variable, Perm if0, Perm if1) {

    Perm yield(boolean bit) {
      return bit ? if1 : if0;
    }

    /** The instruction that yields the inverses: used to run a program backwards. */
    Instruction inverse() {
      return new Instruction(variable, if0.inverse(), if1.inverse());
    }
  }

  public BranchingProgram {
    instructions = List.copyOf(instructions);
  }

  public int length() {
    return instructions.size();
  }

  /** The S5 word the input yields, {@code assignment[i]} being x_i. Not modified. */
  public List<Perm> word(boolean[] assignment) {
    List<Perm> w = new ArrayList<>(instructions.size());
    for (Instruction ins : instructions) {
      if (ins.variable() >= assignment.length) {
        throw new IllegalArgumentException("no value for x" + ins.variable());
      }
      w.add(ins.yield(assignment[ins.variable()]));
    }
    return w;
  }

  /** The product of {@link #word}, first instruction first. */
  public Perm evaluate(boolean[] assignment) {
    Perm p = Perm.identity(5);
    for (Instruction ins : instructions) {
      if (ins.variable() >= assignment.length) {
        throw new IllegalArgumentException("no value for x" + ins.variable());
      }
      p = p.then(ins.yield(assignment[ins.variable()]));
    }
    return p;
  }
}
