package ssmlab.compile;

import java.util.List;
import java.util.function.Supplier;
import ssmlab.arith.Arithmetic;
import ssmlab.compile.uniform.Call;

/**
 * An {@link Arithmetic} that delegates every call to another and tells an observer which call
 * it is while it runs: how {@link ForwardSpans} times each call of a forward by the gates it
 * appends.
 *
 * @param <T> the number type
 */
final class ObservedArithmetic<T> implements Arithmetic<T> {
  /** Wraps one call, seeing its operands (in the call's order) and its result. */
  interface Observer {
    <T> T around(Call call, List<T> operands, Supplier<T> run);
  }

  private final Arithmetic<T> inner;
  private final Observer observer;

  ObservedArithmetic(Arithmetic<T> inner, Observer observer) {
    this.inner = inner;
    this.observer = observer;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public T constant(double x) {
    return inner.constant(x);
  }

  @Override
  public T positive(double x) {
    return inner.positive(x);
  }

  @Override
  public T add(T a, T b) {
    return observer.around(Call.ADD, List.of(a, b), () -> inner.add(a, b));
  }

  @Override
  public T subtract(T a, T b) {
    return observer.around(Call.SUBTRACT, List.of(a, b), () -> inner.subtract(a, b));
  }

  @Override
  public T multiply(T a, T b) {
    return observer.around(Call.MULTIPLY, List.of(a, b), () -> inner.multiply(a, b));
  }

  @Override
  public T divide(T a, T b) {
    return observer.around(Call.DIVIDE, List.of(a, b), () -> inner.divide(a, b));
  }

  @Override
  public T negate(T a) {
    return observer.around(Call.NEGATE, List.of(a), () -> inner.negate(a));
  }

  @Override
  public T sum(List<T> xs) {
    return observer.around(Call.SUM, xs, () -> inner.sum(xs));
  }

  @Override
  public T product(List<T> xs) {
    return observer.around(Call.PRODUCT, xs, () -> inner.product(xs));
  }

  @Override
  public T exp(T x) {
    return observer.around(Call.EXP, List.of(x), () -> inner.exp(x));
  }

  @Override
  public T log(T x) {
    return observer.around(Call.LOG, List.of(x), () -> inner.log(x));
  }

  @Override
  public T sqrt(T x) {
    return observer.around(Call.SQRT, List.of(x), () -> inner.sqrt(x));
  }

  @Override
  public T sigmoid(T x) {
    return observer.around(Call.SIGMOID, List.of(x), () -> inner.sigmoid(x));
  }

  @Override
  public T softplus(T x) {
    return observer.around(Call.SOFTPLUS, List.of(x), () -> inner.softplus(x));
  }

  @Override
  public T silu(T x) {
    return observer.around(Call.SILU, List.of(x), () -> inner.silu(x));
  }

  @Override
  public double toDouble(T x) {
    return inner.toDouble(x);
  }
}
