package ssmlab.fp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * F_p against java.math.BigDecimal at the same binary precision: BigDecimal carries
 * ceil(p log10 2) decimal digits and does the same operation on the same values. Each invocation
 * runs {@link #N} operations over random operands in [-2, 2] (exp: the same range).
 *
 * <p>Two ways to use each: one result at a time into a Blackhole ({@code addFloatP},
 * {@code addBigDecimal}), and a whole array into an output array ({@code addFloatPArray} with
 * {@link FloatPArray}, {@code addBigDecimalArray} into a {@code BigDecimal[]}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloatPBench {
  static final int N = 256;

  @Param({"24", "53", "113", "256"})
  public int p;

  private FloatFormat f;
  private MathContext mc;
  private FloatP[] xs;
  private FloatP[] ys;
  private BigDecimal[] bxs;
  private BigDecimal[] bys;
  private BigDecimal[] bzs;
  private FloatPArray xa;
  private FloatPArray ya;
  private FloatPArray za;

  @Setup
  public void setup() {
    f = FloatFormat.of(p, 11);
    mc = new MathContext((int) Math.ceil(p * Math.log10(2)), RoundingMode.HALF_EVEN);
    var r = new SplittableRandom(42);
    xs = new FloatP[N];
    ys = new FloatP[N];
    bxs = new BigDecimal[N];
    bys = new BigDecimal[N];
    for (int i = 0; i < N; i++) {
      xs[i] = f.divide(f.fromDouble(r.nextDouble(-2, 2)), f.valueOf(r.nextInt(1, 1000)));
      ys[i] = f.divide(f.fromDouble(r.nextDouble(-2, 2)), f.valueOf(r.nextInt(1, 1000)));
      xs[i] = f.multiply(xs[i], f.valueOf(r.nextInt(1, 1000)));
      ys[i] = f.multiply(ys[i], f.valueOf(r.nextInt(1, 1000)));
      bxs[i] = xs[i].toBigDecimal().round(mc);
      bys[i] = ys[i].toBigDecimal().round(mc);
    }
    bzs = new BigDecimal[N];
    xa = FloatPArray.of(f, List.of(xs));
    ya = FloatPArray.of(f, List.of(ys));
    za = FloatPArray.zeros(f, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void addFloatP(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(f.add(xs[i], ys[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void addBigDecimal(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(bxs[i].add(bys[i], mc));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulFloatP(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(f.multiply(xs[i], ys[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulBigDecimal(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(bxs[i].multiply(bys[i], mc));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void divFloatP(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(f.divide(xs[i], ys[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void divBigDecimal(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(bxs[i].divide(bys[i], mc));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public FloatPArray addFloatPArray() {
    FloatPArray.add(xa, ya, za);
    return za;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public BigDecimal[] addBigDecimalArray() {
    for (int i = 0; i < N; i++) {
      bzs[i] = bxs[i].add(bys[i], mc);
    }
    return bzs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public FloatPArray mulFloatPArray() {
    FloatPArray.multiply(xa, ya, za);
    return za;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public BigDecimal[] mulBigDecimalArray() {
    for (int i = 0; i < N; i++) {
      bzs[i] = bxs[i].multiply(bys[i], mc);
    }
    return bzs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public FloatPArray divFloatPArray() {
    FloatPArray.divide(xa, ya, za);
    return za;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public BigDecimal[] divBigDecimalArray() {
    for (int i = 0; i < N; i++) {
      bzs[i] = bxs[i].divide(bys[i], mc);
    }
    return bzs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void expFloatP(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(f.exp(xs[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void expBigDecimal(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(expTaylor(bxs[i], mc));
    }
  }

  /**
   * exp for BigDecimal, the textbook way at the same digits: halve the argument into
   * [-1/2, 1/2], sum the Taylor series with two guard digits, square back, round.
   */
  static BigDecimal expTaylor(BigDecimal x, MathContext mc) {
    var work = new MathContext(mc.getPrecision() + 2);
    int halvings = 0;
    BigDecimal y = x;
    BigDecimal half = new BigDecimal("0.5");
    while (y.abs().compareTo(half) > 0) {
      y = y.multiply(half);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(work.getPrecision());
    for (int i = 1; term.abs().compareTo(eps) > 0; i++) {
      term = term.multiply(y, work).divide(BigDecimal.valueOf(i), work);
      sum = sum.add(term, work);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, work);
    }
    return sum.round(mc);
  }
}
