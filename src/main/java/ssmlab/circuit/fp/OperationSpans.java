package ssmlab.circuit.fp;

import java.util.ArrayList;
import java.util.List;
import ssmlab.circuit.CircuitBuilder;
import ssmlab.fp.FloatFormat;
import ssmlab.fp.FloatP;
import ssmlab.fp.FpAlgebra;
import ssmlab.fp.PaperFunctions;

/**
 * Which gates each {@code FpAlgebra} call makes when a paper function is built in a verbatim
 * builder: {@code PaperFunctions} on {@link WireAlgebra}, every call timed by the builder's gate
 * count before and after. The calls that make gates are the operations of the function's
 * straight-line program, and their spans are contiguous: gate numbers first .. first + gates − 1.
 */
public final class OperationSpans {
  /**
   * One call.
   *
   * @param call the {@code FpAlgebra} method (convert, sum, product, ...)
   * @param first the builder's number of its first gate
   * @param gates how many gates it appended (0 for calls folded at build time)
   */
  public record Span(String call, int first, int gates) {}

  private OperationSpans() {}

  /** Every call of {@code function} in F_f, in order, constants included. */
  public static List<Span> of(String function, FloatFormat f) {
    CircuitBuilder b = CircuitBuilder.verbatim();
    FpWires x = FpWires.input(b, "x", f);
    Recording r = new Recording(new WireAlgebra(b), b);
    PaperFunctions.of(f).apply(function, r, x);
    return List.copyOf(r.spans);
  }

  /** Delegates every call to the wire algebra and notes the gates it appended. */
  private static final class Recording implements FpAlgebra<FpWires> {
    private final WireAlgebra a;
    private final CircuitBuilder b;
    private final List<Span> spans = new ArrayList<>();

    Recording(WireAlgebra a, CircuitBuilder b) {
      this.a = a;
      this.b = b;
    }

    private interface Call {
      FpWires run();
    }

    private FpWires note(String name, Call c) {
      int before = b.gateCount();
      FpWires out = c.run();
      spans.add(new Span(name, before, b.gateCount() - before));
      return out;
    }

    @Override
    public FloatFormat format(FpWires x) {
      return a.format(x);
    }

    @Override
    public FpWires constant(FloatP c) {
      return note("constant", () -> a.constant(c));
    }

    @Override
    public FpWires convert(FpWires x, FloatFormat to) {
      return note("convert", () -> a.convert(x, to));
    }

    @Override
    public FpWires sum(List<FpWires> xs) {
      return note("sum", () -> a.sum(xs));
    }

    @Override
    public FpWires product(List<FpWires> xs) {
      return note("product", () -> a.product(xs));
    }

    @Override
    public FpWires floor(FpWires x) {
      return note("floor", () -> a.floor(x));
    }

    @Override
    public FpWires negate(FpWires x) {
      return note("negate", () -> a.negate(x));
    }

    @Override
    public FpWires lessThanSelect(FpWires x, FpWires y, FpWires p, FpWires q) {
      return note("lessThanSelect", () -> a.lessThanSelect(x, y, p, q));
    }

    @Override
    public FpWires lookup(FpWires x, List<FloatP> keys, List<FloatP> values) {
      return note("lookup", () -> a.lookup(x, keys, values));
    }

    @Override
    public FpWires exponent(FpWires x, FloatFormat to) {
      return note("exponent", () -> a.exponent(x, to));
    }

    @Override
    public FpWires mantissa(FpWires x) {
      return note("mantissa", () -> a.mantissa(x));
    }

    @Override
    public FpWires scale(FpWires x, FpWires k, FloatFormat to) {
      return note("scale", () -> a.scale(x, k, to));
    }
  }
}
