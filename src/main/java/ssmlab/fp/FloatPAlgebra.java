package ssmlab.fp;

import java.util.List;

/** {@link FpAlgebra} over exact floats: each operation is {@link FloatFormat}'s own. */
public final class FloatPAlgebra implements FpAlgebra<FloatP> {
  public static final FloatPAlgebra INSTANCE = new FloatPAlgebra();

  private FloatPAlgebra() {}

  @Override
  public FloatFormat format(FloatP x) {
    return x.format();
  }

  @Override
  public FloatP constant(FloatP c) {
    return c;
  }

  @Override
  public FloatP convert(FloatP x, FloatFormat to) {
    return to.convert(x);
  }

  @Override
  public FloatP sum(List<FloatP> xs) {
    return xs.getFirst().format().iteratedSum(xs);
  }

  @Override
  public FloatP product(List<FloatP> xs) {
    return xs.getFirst().format().iteratedProduct(xs);
  }

  @Override
  public FloatP floor(FloatP x) {
    return x.format().floor(x);
  }

  @Override
  public FloatP negate(FloatP x) {
    return x.negated();
  }

  @Override
  public FloatP lessThanSelect(FloatP x, FloatP y, FloatP a, FloatP b) {
    return x.compareTo(y) < 0 ? a : b;
  }

  @Override
  public FloatP lookup(FloatP x, List<FloatP> keys, List<FloatP> values) {
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equals(x)) {
        return values.get(i);
      }
    }
    return values.getFirst().format().zero();
  }

  @Override
  public FloatP exponent(FloatP x, FloatFormat to) {
    return x.isZero() ? to.zero() : to.valueOf(x.exponent() + x.format().p() - 1);
  }

  @Override
  public FloatP mantissa(FloatP x) {
    FloatFormat f = x.format();
    return x.isZero() ? f.zero() : f.of(x.significand().abs(), -(f.p() - 1));
  }

  @Override
  public FloatP scale(FloatP x, FloatP k, FloatFormat to) {
    if (x.isZero()) {
      return to.zero();
    }
    long shift = k.toBigDecimal().longValueExact();
    return to.round(x.significand(), x.exponent() + shift);
  }
}
