package ssmlab.compile.uniform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ssmlab.arith.Arithmetic;

/**
 * An {@link Arithmetic} whose values are {@link Operand}s: every call appends one
 * {@link ProgramStep} and returns its result, so running a reference forward on it records the
 * straight-line program that the forward is, the definition {@link MambaProgram} is checked
 * against.
 */
public final class RecordingArithmetic implements Arithmetic<Operand> {
  private final List<ProgramStep> steps = new ArrayList<>();

  /** The steps so far, in call order. */
  public List<ProgramStep> steps() {
    return Collections.unmodifiableList(steps);
  }

  @Override
  public String name() {
    return "program";
  }

  @Override
  public Operand constant(double x) {
    return new Operand.Constant(x);
  }

  private Operand step(Call call, List<Operand> operands) {
    steps.add(new ProgramStep(call, operands));
    return new Operand.Step(steps.size() - 1);
  }

  @Override
  public Operand add(Operand a, Operand b) {
    return step(Call.ADD, List.of(a, b));
  }

  @Override
  public Operand subtract(Operand a, Operand b) {
    return step(Call.SUBTRACT, List.of(a, b));
  }

  @Override
  public Operand multiply(Operand a, Operand b) {
    return step(Call.MULTIPLY, List.of(a, b));
  }

  @Override
  public Operand divide(Operand a, Operand b) {
    return step(Call.DIVIDE, List.of(a, b));
  }

  @Override
  public Operand negate(Operand a) {
    return step(Call.NEGATE, List.of(a));
  }

  @Override
  public Operand sum(List<Operand> xs) {
    return step(Call.SUM, xs);
  }

  @Override
  public Operand product(List<Operand> xs) {
    return step(Call.PRODUCT, xs);
  }

  @Override
  public Operand exp(Operand x) {
    return step(Call.EXP, List.of(x));
  }

  @Override
  public Operand log(Operand x) {
    return step(Call.LOG, List.of(x));
  }

  @Override
  public Operand sqrt(Operand x) {
    return step(Call.SQRT, List.of(x));
  }

  @Override
  public Operand sigmoid(Operand x) {
    return step(Call.SIGMOID, List.of(x));
  }

  @Override
  public Operand softplus(Operand x) {
    return step(Call.SOFTPLUS, List.of(x));
  }

  @Override
  public Operand silu(Operand x) {
    return step(Call.SILU, List.of(x));
  }

  @Override
  public double toDouble(Operand x) {
    throw new UnsupportedOperationException("a recorded program has no values");
  }
}
