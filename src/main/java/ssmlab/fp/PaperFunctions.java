package ssmlab.fp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * exp, log, sqrt, sigmoid, softplus and SiLU as the paper builds them (Lemmas 3.14, 3.15, B.3-B.5):
 * range reduction, then a truncated Taylor series whose terms are iterated products and whose sum
 * is one iterated sum, all in F_p operations, so a circuit of polynomial size computes the same
 * bits ({@link FpAlgebra}). The work format W has P = 2p + 12 significand bits; the result is
 * rounded once into F_p. Its relative error is below 2^-p: W's errors stay below 2^-(2p + 2), and
 * rounding a value within that of the exact one errs by at most 2^-p (the tests measure it).
 *
 * <ul>
 *   <li>exp: x clamped to ±(2^q + p + 2)·ln 2 (beyond, the result saturates or is zero anyway);
 *       k = floor(x/ln 2 + 1/2), r = x − k·ln 2 (ln 2 split in a high part with k·high exact and
 *       a low part), j = floor(2^s r + 1/2), r' = r − j/2^s exact with |r'| ≤ 2^−(s+1);
 *       exp(x) = 2^k · exp(j/2^s) · Σ_{i≤N} r'^i / i!, exp(j/2^s) from a table of 2^s·0.7 + 1
 *       constants;
 *   <li>log: x = 2^k·m, m in [3/4, 3/2), t = m − 1, j = floor(2^s t + 1/2), c = 1 + j/2^s,
 *       u = (t − j/2^s)·round(1/c), log x = k·ln 2 + log c + Σ_{i≤N} (−1)^(i+1) u^i / i;
 *   <li>sqrt: x = 2^(2h)·m, m in [1, 4), c = j/2^s near m, u = (m − c)·round(1/c),
 *       sqrt x = 2^h · sqrt(c) · Σ_i binom(1/2, i) u^i;
 *   <li>sigmoid(x) = e^min(x, 0) / (1 + e^−|x|), the reciprocal 1/(1 + t) for t in (0, 1] as
 *       (1/c_j) · Σ_{i≤N} (−u)^i with the log's c_j and u; softplus(x) = max(x, 0) +
 *       log(1 + e^−|x|), silu(x) = x · sigmoid(x), each rounded once into F_p at the end.
 * </ul>
 * The i-th Taylor term is formed in a format of only as many bits as its size needs (it is below
 * 2^−(s+1)i of the first), so the iterated products stay small. Tables hold 2^s-spaced constants,
 * s = 6 (exp, log) and 5 (sqrt), correctly rounded into W.
 */
public final class PaperFunctions {
  private static final Map<FloatFormat, PaperFunctions> CACHE = new ConcurrentHashMap<>();

  private final FloatFormat f;
  private final FloatFormat w;
  private final Series expSeries;
  private final Series logSeries;
  private final Series sqrtSeries;
  private final Series reciprocalSeries;
  private final FloatP half;
  private final FloatP one;
  private final FloatP two;
  private final FloatP clamp;
  private final FloatP invLn2;
  private final FloatP ln2High;
  private final FloatP ln2Low;
  private final Table expTable;
  private final Table logTable;
  private final Table sqrtTable;

  private static final int EXP_S = 6;
  private static final int LOG_S = 6;
  private static final int SQRT_S = 5;

  /** Terms c_i · u^i, i = 1..N (the constant term apart), each in its own format. */
  private record Series(List<FloatFormat> formats, List<FloatP> coefficients) {}

  /** Constants indexed by an integer j in [lo, hi]: keys j as W floats, values (some format). */
  private record Table(List<FloatP> keys, List<FloatP> values, List<FloatP> extra) {}

  private PaperFunctions(FloatFormat f) {
    this.f = f;
    int p = f.p();
    int bigP = 2 * p + 12;
    int bigQ = Math.max(f.q() + 2, 64 - Long.numberOfLeadingZeros(16L * bigP) + 1);
    w = FloatFormat.of(bigP, Math.min(bigQ, FloatFormat.MAX_Q));
    half = w.parse("0.5");
    one = w.valueOf(1);
    two = w.valueOf(2);
    FloatFormat wide = FloatFormat.of(2 * bigP + 16, w.q());
    FloatP ln2 = wide.log(wide.valueOf(2));
    invLn2 = w.divide(one, w.convert(ln2));
    clamp = w.multiply(w.valueOf((1L << f.q()) + p + 2), w.convert(ln2));
    FloatFormat highFormat = FloatFormat.of(Math.max(2, bigP - f.q() - 6), w.q());
    FloatP high = highFormat.convert(ln2);
    ln2High = w.convert(high);
    ln2Low = w.convert(wide.subtract(ln2, wide.convert(high)));
    // exp: |r'| <= 2^-(s+1); term i is r'^i / i!
    expSeries = series(bigP, EXP_S + 1, i -> BigInteger.ONE, this::factorial, 0);
    // log: |u| <= 2^-(s+1) / (3/4) < 2^-s; term i is (-1)^(i+1) u^i / i, relative to u
    logSeries = series(bigP, LOG_S, i -> BigInteger.valueOf(i % 2 == 1 ? 1 : -1),
        BigInteger::valueOf, 1);
    // sqrt: |u| <= 2^-(s+1); term i is binom(1/2, i) u^i
    sqrtSeries = series(bigP, SQRT_S + 1, this::binomialNumerator, this::binomialDenominator, 0);
    // 1/(1 + u): |u| <= 2^-(s+1); term i is (-u)^i
    reciprocalSeries = series(bigP, LOG_S + 1, i -> BigInteger.valueOf(i % 2 == 1 ? -1 : 1),
        i -> BigInteger.ONE, 0);
    expTable = table(-(int) Math.ceil(0.35 * (1 << EXP_S)) - 1,
        (int) Math.ceil(0.35 * (1 << EXP_S)) + 1,
        j -> w.exp(w.round(BigInteger.valueOf(j), -EXP_S)), j -> one);
    logTable = table(-(1 << LOG_S) / 4 - 1, (1 << LOG_S) + 1,
        j -> w.log(c(j, LOG_S)), j -> w.divide(one, c(j, LOG_S)));
    sqrtTable = table(1 << SQRT_S, 4 << SQRT_S,
        j -> w.sqrt(w.round(BigInteger.valueOf(j), -SQRT_S)),
        j -> w.divide(one, w.round(BigInteger.valueOf(j), -SQRT_S)));
  }

  /** The functions for F_p (constants computed once per format). */
  public static PaperFunctions of(FloatFormat f) {
    return CACHE.computeIfAbsent(f, PaperFunctions::new);
  }

  /** The work format W. */
  public FloatFormat work() {
    return w;
  }

  // ------------------------------------------------------------ the functions, rounded into F_p

  public <T> T exp(FpAlgebra<T> a, T x) {
    return expTo(a, a.convert(x, w), f);
  }

  /** log x for x &gt; 0 (unspecified otherwise). */
  public <T> T log(FpAlgebra<T> a, T x) {
    return a.convert(logWork(a, a.convert(x, w)), f);
  }

  /** sqrt x for x &gt;= 0 (unspecified otherwise). */
  public <T> T sqrt(FpAlgebra<T> a, T x) {
    T xw = a.convert(x, w);
    T k = a.exponent(xw, w);
    T m = a.mantissa(xw);
    T h = a.floor(a.product(List.of(k, a.constant(half))));
    T odd = a.sum(List.of(k, a.product(List.of(h, a.constant(w.valueOf(-2))))));
    T m4 = a.lessThanSelect(odd, a.constant(half), m, a.product(List.of(m, a.constant(two))));
    T j = a.floor(a.sum(List.of(a.product(List.of(m4, a.constant(pow2(SQRT_S)))), a.constant(half))));
    T d = a.sum(List.of(m4, a.negate(a.product(List.of(j, a.constant(pow2(-SQRT_S)))))));
    T u = a.product(List.of(d, a.lookup(j, sqrtTable.keys, sqrtTable.extra)));
    T poly = a.sum(terms(a, u, sqrtSeries, a.constant(one)));
    T y = a.product(List.of(a.lookup(j, sqrtTable.keys, sqrtTable.values), poly));
    return a.scale(y, h, f);
  }

  public <T> T sigmoid(FpAlgebra<T> a, T x) {
    return a.convert(sigmoidWork(a, a.convert(x, w)), f);
  }

  public <T> T softplus(FpAlgebra<T> a, T x) {
    T xw = a.convert(x, w);
    T zero = a.constant(w.zero());
    T positive = a.lessThanSelect(xw, zero, zero, xw);
    return a.convert(a.sum(List.of(positive, log1pOfExpMinusAbs(a, xw))), f);
  }

  public <T> T silu(FpAlgebra<T> a, T x) {
    T xw = a.convert(x, w);
    return a.convert(a.product(List.of(xw, sigmoidWork(a, xw))), f);
  }

  /** The functions' names, as {@link #apply} takes them. */
  public static final List<String> NAMES =
      List.of("exp", "log", "sqrt", "sigmoid", "softplus", "silu");

  /** The function named {@code name} (one of {@link #NAMES}) in algebra a. */
  public <T> T apply(String name, FpAlgebra<T> a, T x) {
    return switch (name) {
      case "exp" -> exp(a, x);
      case "log" -> log(a, x);
      case "sqrt" -> sqrt(a, x);
      case "sigmoid" -> sigmoid(a, x);
      case "softplus" -> softplus(a, x);
      case "silu" -> silu(a, x);
      default -> throw new IllegalArgumentException("no paper function '" + name + "' (one of "
          + String.join(", ", NAMES) + ")");
    };
  }

  // ------------------------------------------------------------ interpreter entry points

  /** exp by {@link #exp(FpAlgebra, Object)} on exact floats. */
  public static FloatP exp(FloatFormat f, FloatP x) {
    return of(f).exp(FloatPAlgebra.INSTANCE, x);
  }

  /** log by the paper's construction; throws for x &lt;= 0 as {@link FloatFormat#log}. */
  public static FloatP log(FloatFormat f, FloatP x) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of a non-positive number");
    }
    return of(f).log(FloatPAlgebra.INSTANCE, x);
  }

  /** sqrt by the paper's construction; throws for x &lt; 0 as {@link FloatFormat#sqrt}. */
  public static FloatP sqrt(FloatFormat f, FloatP x) {
    if (x.signum() < 0) {
      throw new ArithmeticException("sqrt of a negative number");
    }
    return of(f).sqrt(FloatPAlgebra.INSTANCE, x);
  }

  public static FloatP sigmoid(FloatFormat f, FloatP x) {
    return of(f).sigmoid(FloatPAlgebra.INSTANCE, x);
  }

  public static FloatP softplus(FloatFormat f, FloatP x) {
    return of(f).softplus(FloatPAlgebra.INSTANCE, x);
  }

  public static FloatP silu(FloatFormat f, FloatP x) {
    return of(f).silu(FloatPAlgebra.INSTANCE, x);
  }

  // ------------------------------------------------------------ in W

  private <T> T expTo(FpAlgebra<T> a, T xw, FloatFormat to) {
    T lo = a.constant(clamp.negated());
    T hi = a.constant(clamp);
    T xc = a.lessThanSelect(xw, lo, lo, a.lessThanSelect(hi, xw, hi, xw));
    T k = a.floor(a.sum(List.of(a.product(List.of(xc, a.constant(invLn2))), a.constant(half))));
    T r = a.sum(List.of(xc, a.negate(a.product(List.of(k, a.constant(ln2High)))),
        a.negate(a.product(List.of(k, a.constant(ln2Low))))));
    T j = a.floor(a.sum(List.of(a.product(List.of(r, a.constant(pow2(EXP_S)))), a.constant(half))));
    T r2 = a.sum(List.of(r, a.negate(a.product(List.of(j, a.constant(pow2(-EXP_S)))))));
    T poly = a.sum(terms(a, r2, expSeries, a.constant(one)));
    T y = a.product(List.of(a.lookup(j, expTable.keys, expTable.values), poly));
    return a.scale(y, k, to);
  }

  private <T> T logWork(FpAlgebra<T> a, T xw) {
    T k = a.exponent(xw, w);
    T m = a.mantissa(xw);
    T threeHalves = a.constant(w.parse("1.5"));
    T big = a.lessThanSelect(m, threeHalves, a.constant(w.zero()), a.constant(one));
    T mr = a.lessThanSelect(m, threeHalves, m, a.product(List.of(m, a.constant(half))));
    T kr = a.sum(List.of(k, big));
    T t = a.sum(List.of(mr, a.constant(w.valueOf(-1))));
    List<T> parts = new ArrayList<>(log1pParts(a, t));
    parts.add(a.product(List.of(kr, a.constant(ln2High))));
    parts.add(a.product(List.of(kr, a.constant(ln2Low))));
    return a.sum(parts);
  }

  /** log(1 + t) for t in [-1/4, 1] as terms to be summed: log c_j and the series in u. */
  private <T> List<T> log1pParts(FpAlgebra<T> a, T t) {
    T j = a.floor(a.sum(List.of(a.product(List.of(t, a.constant(pow2(LOG_S)))), a.constant(half))));
    T d = a.sum(List.of(t, a.negate(a.product(List.of(j, a.constant(pow2(-LOG_S)))))));
    T u = a.product(List.of(d, a.lookup(j, logTable.keys, logTable.extra)));
    List<T> parts = terms(a, u, logSeries, null);
    parts.add(a.lookup(j, logTable.keys, logTable.values));
    return parts;
  }

  /** log(1 + e^-|x|) in W. */
  private <T> T log1pOfExpMinusAbs(FpAlgebra<T> a, T xw) {
    T zero = a.constant(w.zero());
    T minusAbs = a.lessThanSelect(xw, zero, xw, a.negate(xw));
    return a.sum(log1pParts(a, expTo(a, minusAbs, w)));
  }

  /**
   * sigmoid(x) = e^min(x, 0) / (1 + e), e = e^−|x| in (0, 1]: the numerator is e for x &lt; 0 and
   * 1 otherwise, and 1/(1 + e) = (1/c_j) · Σ_i (−u)^i with c_j = 1 + j/2^s next to 1 + e and
   * u = (e − j/2^s) · round(1/c_j), the log's table of 1/c_j reused.
   */
  private <T> T sigmoidWork(FpAlgebra<T> a, T xw) {
    T zero = a.constant(w.zero());
    T minusAbs = a.lessThanSelect(xw, zero, xw, a.negate(xw));
    T e = expTo(a, minusAbs, w);
    T j = a.floor(a.sum(List.of(a.product(List.of(e, a.constant(pow2(LOG_S)))), a.constant(half))));
    T d = a.sum(List.of(e, a.negate(a.product(List.of(j, a.constant(pow2(-LOG_S)))))));
    T inverse = a.lookup(j, logTable.keys, logTable.extra);
    T u = a.product(List.of(d, inverse));
    T reciprocal = a.product(List.of(inverse, a.sum(terms(a, u, reciprocalSeries, a.constant(one)))));
    return a.lessThanSelect(xw, zero, a.product(List.of(e, reciprocal)), reciprocal);
  }

  /** The series terms c_i u^i (i = 1..N) in W, plus the constant term when given. */
  private <T> List<T> terms(FpAlgebra<T> a, T u, Series s, T constant) {
    List<T> out = new ArrayList<>();
    if (constant != null) {
      out.add(constant);
    }
    for (int i = 1; i <= s.formats.size(); i++) {
      FloatFormat g = s.formats.get(i - 1);
      FloatP coefficient = s.coefficients.get(i - 1);
      if (i == 1 && coefficient.equals(g.valueOf(1)) && g.equals(w)) {
        out.add(u);
        continue;
      }
      T ug = a.convert(u, g);
      List<T> factors = new ArrayList<>();
      for (int k = 0; k < i; k++) {
        factors.add(ug);
      }
      factors.add(a.constant(coefficient));
      out.add(a.convert(a.product(factors), w));
    }
    return out;
  }

  private interface Coefficient {
    BigInteger of(int i);
  }

  /**
   * Terms 1..N of a series in u with |u| ≤ 2^-beta and |c_i| ≤ 1: N is the first with
   * 2^-(beta·(N+1)) |c_(N+1)| below 2^-(P+4) of the leading term (u^{lead}), and term i gets
   * max(2, P + 4 − beta·(i − lead) − log2(1/|c_i|)) bits.
   */
  private Series series(int bigP, int beta, Coefficient num, Coefficient den, int lead) {
    List<FloatFormat> formats = new ArrayList<>();
    List<FloatP> coefficients = new ArrayList<>();
    for (int i = 1; ; i++) {
      BigInteger n = num.of(i);
      BigInteger d = den.of(i);
      double log2c = log2(n.abs()) - log2(d);
      double size = -beta * (double) (i - lead) + log2c;
      if (i > 1 && size < -(bigP + 4)) {
        return new Series(formats, coefficients);
      }
      int bits = (int) Math.max(2, Math.min(bigP, Math.ceil(bigP + 4 + size)));
      if (i == 1) {
        bits = bigP;
      }
      FloatFormat g = FloatFormat.of(bits, w.q());
      formats.add(g);
      coefficients.add(g.round(n, d));
    }
  }

  private static double log2(BigInteger v) {
    int shift = Math.max(0, v.bitLength() - 60);
    return Math.log(v.shiftRight(shift).doubleValue()) / Math.log(2) + shift;
  }

  private BigInteger factorial(int i) {
    BigInteger r = BigInteger.ONE;
    for (int k = 2; k <= i; k++) {
      r = r.multiply(BigInteger.valueOf(k));
    }
    return r;
  }

  /** binom(1/2, i) = numerator / denominator. */
  private BigInteger binomialNumerator(int i) {
    // binom(1/2, i) = prod_{k<i} (1/2 - k) / i! = prod (1 - 2k) / (2^i i!)
    BigInteger r = BigInteger.ONE;
    for (int k = 0; k < i; k++) {
      r = r.multiply(BigInteger.valueOf(1 - 2L * k));
    }
    return r;
  }

  private BigInteger binomialDenominator(int i) {
    return factorial(i).shiftLeft(i);
  }

  private interface Entry {
    FloatP at(int j);
  }

  private Table table(int lo, int hi, Entry value, Entry extra) {
    List<FloatP> keys = new ArrayList<>();
    List<FloatP> values = new ArrayList<>();
    List<FloatP> extras = new ArrayList<>();
    for (int j = lo; j <= hi; j++) {
      keys.add(w.valueOf(j));
      values.add(value.at(j));
      extras.add(extra.at(j));
    }
    return new Table(keys, values, extras);
  }

  private FloatP c(int j, int s) {
    return w.round(BigInteger.valueOf((1L << s) + j), -s);
  }

  /** 2^k in W. */
  private FloatP pow2(int k) {
    return w.round(BigInteger.ONE, k);
  }
}
