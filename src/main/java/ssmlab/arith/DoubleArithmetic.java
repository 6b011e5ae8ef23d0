package ssmlab.arith;

import java.util.List;

/** {@link Arithmetic} in IEEE double: the meaning that checks the fast float32 engine. */
public final class DoubleArithmetic implements Arithmetic<Double> {
  public static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

  private DoubleArithmetic() {}

  @Override
  public String name() {
    return "double";
  }

  @Override
  public Double constant(double x) {
    return x;
  }

  @Override
  public Double add(Double a, Double b) {
    return a + b;
  }

  @Override
  public Double subtract(Double a, Double b) {
    return a - b;
  }

  @Override
  public Double multiply(Double a, Double b) {
    return a * b;
  }

  @Override
  public Double divide(Double a, Double b) {
    return a / b;
  }

  @Override
  public Double negate(Double a) {
    return -a;
  }

  @Override
  public Double sum(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  @Override
  public Double product(List<Double> xs) {
    double s = 1;
    for (double x : xs) {
      s *= x;
    }
    return s;
  }

  @Override
  public Double exp(Double x) {
    return Math.exp(x);
  }

  @Override
  public Double log(Double x) {
    return Math.log(x);
  }

  @Override
  public Double sqrt(Double x) {
    return Math.sqrt(x);
  }

  @Override
  public Double sigmoid(Double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** ln(1 + e^x) as max(x, 0) + log1p(e^-|x|): it neither overflows nor loses x. */
  @Override
  public Double softplus(Double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  @Override
  public Double silu(Double x) {
    return x / (1 + Math.exp(-x));
  }

  @Override
  public double toDouble(Double x) {
    return x;
  }
}
