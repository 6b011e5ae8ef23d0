package ssmlab.arith;

import java.util.List;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.Functions;
import ssmlab.fp.PaperFunctions;

/**
 * {@link Arithmetic} in the exact p-bit floats of a {@link FloatFormat}, each op rounded once;
 * exp, log, sqrt, sigmoid, softplus and SiLU correctly rounded or as the paper builds them.
 */
public record FloatPArithmetic(FloatFormat format, Functions functions)
    implements Arithmetic<FloatP> {

  /** The correctly rounded functions. */
  public FloatPArithmetic(FloatFormat format) {
    this(format, Functions.TABLE);
  }

  @Override
  public String name() {
    return "fp(p=" + format.p() + ",q=" + format.q()
        + (functions == Functions.PAPER ? ",paper" : "") + ")";
  }

  @Override
  public FloatP constant(double x) {
    return format.fromDouble(x);
  }

  @Override
  public FloatP positive(double x) {
    FloatP r = format.fromDouble(x);
    return r.isZero() && x > 0 ? format.minPositive() : r;
  }

  @Override
  public FloatP add(FloatP a, FloatP b) {
    return format.add(a, b);
  }

  @Override
  public FloatP subtract(FloatP a, FloatP b) {
    return format.subtract(a, b);
  }

  @Override
  public FloatP multiply(FloatP a, FloatP b) {
    return format.multiply(a, b);
  }

  @Override
  public FloatP divide(FloatP a, FloatP b) {
    return format.divide(a, b);
  }

  @Override
  public FloatP negate(FloatP a) {
    return format.negate(a);
  }

  @Override
  public FloatP sum(List<FloatP> xs) {
    return format.iteratedSum(xs);
  }

  @Override
  public FloatP product(List<FloatP> xs) {
    return format.iteratedProduct(xs);
  }

  @Override
  public FloatP exp(FloatP x) {
    return paper() ? PaperFunctions.exp(format, x) : format.exp(x);
  }

  @Override
  public FloatP log(FloatP x) {
    return paper() ? PaperFunctions.log(format, x) : format.log(x);
  }

  @Override
  public FloatP sqrt(FloatP x) {
    return paper() ? PaperFunctions.sqrt(format, x) : format.sqrt(x);
  }

  @Override
  public FloatP sigmoid(FloatP x) {
    return paper() ? PaperFunctions.sigmoid(format, x) : format.sigmoid(x);
  }

  @Override
  public FloatP softplus(FloatP x) {
    return paper() ? PaperFunctions.softplus(format, x) : format.softplus(x);
  }

  @Override
  public FloatP silu(FloatP x) {
    return paper() ? PaperFunctions.silu(format, x) : format.silu(x);
  }

  private boolean paper() {
    return functions == Functions.PAPER;
  }

  @Override
  public double toDouble(FloatP x) {
    return x.toDouble();
  }
}
