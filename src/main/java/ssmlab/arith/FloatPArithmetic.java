package ssmlab.arith;

import java.util.List;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;

/** {@link Arithmetic} in the exact p-bit floats of a {@link FloatFormat}, each op rounded once. */
public record FloatPArithmetic(FloatFormat format) implements Arithmetic<FloatP> {

  @Override
  public String name() {
    return "fp(p=" + format.p() + ",q=" + format.q() + ")";
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
    return format.exp(x);
  }

  @Override
  public FloatP log(FloatP x) {
    return format.log(x);
  }

  @Override
  public FloatP sqrt(FloatP x) {
    return format.sqrt(x);
  }

  @Override
  public FloatP sigmoid(FloatP x) {
    return format.sigmoid(x);
  }

  @Override
  public FloatP softplus(FloatP x) {
    return format.softplus(x);
  }

  @Override
  public FloatP silu(FloatP x) {
    return format.silu(x);
  }

  @Override
  public double toDouble(FloatP x) {
    return x.toDouble();
  }
}
