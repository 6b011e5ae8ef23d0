package ssmlab.fp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fixed-length, mutable array of p-bit floats of one format, with elementwise + − × ÷ that round
 * each element once, exactly as {@link FloatFormat}'s scalar operations do.
 *
 * <p>For p <= 62 the elements lie flat in one {@code long[]}: the significands of elements
 * 0..n-1 first, then their exponents. The operations then allocate nothing and, where the format
 * allows, run several elements at once ({@link FloatPVectors}): this is the fast way to do bulk
 * F_p arithmetic. Wider formats keep each significand in a fixed number of 64-bit limbs
 * ({@link LimbStore}, {@link LimbArith}) and allocate nothing per element either.
 */
public final class FloatPArray {
  private final FloatFormat format;
  private final long[] slots; // p <= 62: significands, then exponents; else null
  private final LimbStore wide; // p > 62, else null

  private FloatPArray(FloatFormat format, int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    this.format = format;
    this.slots = format.isLong() ? new long[2 * length] : null;
    this.wide = format.isLong() ? null : new LimbStore(format, length);
  }

  /** An array of {@code length} zeros. */
  public static FloatPArray zeros(FloatFormat format, int length) {
    return new FloatPArray(format, length);
  }

  /** An array holding the given floats, which must all be of {@code format}. */
  public static FloatPArray of(FloatFormat format, List<FloatP> xs) {
    FloatPArray a = new FloatPArray(format, xs.size());
    for (int i = 0; i < xs.size(); i++) {
      a.set(i, xs.get(i));
    }
    return a;
  }

  public FloatFormat format() {
    return format;
  }

  public int length() {
    return slots != null ? slots.length >> 1 : wide.exps.length;
  }

  public FloatP get(int i) {
    if (slots == null) {
      return wide.get(format, i);
    }
    Objects.checkIndex(i, length());
    return new FloatP(format, slots[i], null, slots[length() + i]);
  }

  public void set(int i, FloatP x) {
    if (!x.format().equals(format)) {
      throw new IllegalArgumentException("a float of " + x.format() + " in an array of " + format);
    }
    if (slots == null) {
      wide.set(i, x);
    } else {
      Objects.checkIndex(i, length());
      slots[i] = x.m;
      slots[length() + i] = x.e;
    }
  }

  /** The flat storage (p <= 62): significands, then exponents; null for wider formats. */
  long[] slots() {
    return slots;
  }

  /**
   * Copies {@code n} elements from {@code src[srcPos..]} to {@code dst[dstPos..]}, as
   * {@link System#arraycopy} does (the ranges may overlap); the formats must be the same.
   */
  public static void copy(FloatPArray src, int srcPos, FloatPArray dst, int dstPos, int n) {
    if (!src.format.equals(dst.format)) {
      throw new IllegalArgumentException("copy from " + src.format + " to " + dst.format);
    }
    Objects.checkFromIndexSize(srcPos, n, src.length());
    Objects.checkFromIndexSize(dstPos, n, dst.length());
    if (src.slots == null) {
      if (src == dst && srcPos < dstPos) {
        for (int i = n - 1; i >= 0; i--) {
          dst.wide.copy(src.wide, srcPos + i, false, dstPos + i);
        }
      } else {
        for (int i = 0; i < n; i++) {
          dst.wide.copy(src.wide, srcPos + i, false, dstPos + i);
        }
      }
      return;
    }
    int sn = src.length();
    int dn = dst.length();
    System.arraycopy(src.slots, srcPos, dst.slots, dstPos, n);
    System.arraycopy(src.slots, sn + srcPos, dst.slots, dn + dstPos, n);
  }

  /** {@code dst[i * times + k] = src[i]} for k < times: each element repeated in place. */
  public static void repeatEach(FloatPArray src, int times, FloatPArray dst) {
    int n = src.length();
    if (dst.length() != n * times || !src.format.equals(dst.format)) {
      throw new IllegalArgumentException("repeat " + n + " elements " + times + " times into "
          + dst.length());
    }
    if (src.slots == null) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < times; k++) {
          dst.wide.copy(src.wide, i, false, i * times + k);
        }
      }
      return;
    }
    int dn = dst.length();
    for (int i = 0; i < n; i++) {
      Arrays.fill(dst.slots, i * times, (i + 1) * times, src.slots[i]);
      Arrays.fill(dst.slots, dn + i * times, dn + (i + 1) * times, src.slots[n + i]);
    }
  }

  /** Sets {@code a[from..to)} to x. */
  public void fill(int from, int to, FloatP x) {
    Objects.checkFromToIndex(from, to, length());
    if (slots == null) {
      for (int i = from; i < to; i++) {
        set(i, x);
      }
      return;
    }
    if (!x.format().equals(format)) {
      throw new IllegalArgumentException("a float of " + x.format() + " in an array of " + format);
    }
    int n = length();
    Arrays.fill(slots, from, to, x.m);
    Arrays.fill(slots, n + from, n + to, x.e);
  }

  public List<FloatP> toList() {
    List<FloatP> xs = new ArrayList<>(length());
    for (int i = 0; i < length(); i++) {
      xs.add(get(i));
    }
    return xs;
  }

  /*
   * The Vector API paths (FloatPVectors) pay off only on long arrays: C2 compiles a lane kernel
   * late and at a high cost, and until then it runs in the interpreter. A model's per-position
   * vectors are a few hundred or thousand elements, evaluated in runs of seconds, so below
   * LANES_FROM elements the scalar long path runs instead (same bits either way).
   */
  static final int LANES_FROM = 4096;

  private static boolean inLanes(FloatPArray out) {
    return out.slots != null && out.length() >= LANES_FROM;
  }

  /** out[i] = round_p(a[i] + b[i]); out may be a or b. */
  public static void add(FloatPArray a, FloatPArray b, FloatPArray out) {
    check(a, b, out);
    if (inLanes(out) && FloatPVectors.addsInLanes(out.format)) {
      FloatPVectors.add(out.format, a.slots, b.slots, false, out.slots);
    } else {
      apply(a, b, out, ADD);
    }
  }

  /** out[i] = round_p(a[i] − b[i]); out may be a or b. */
  public static void subtract(FloatPArray a, FloatPArray b, FloatPArray out) {
    check(a, b, out);
    if (inLanes(out) && FloatPVectors.addsInLanes(out.format)) {
      FloatPVectors.add(out.format, a.slots, b.slots, true, out.slots);
    } else {
      apply(a, b, out, SUBTRACT);
    }
  }

  /** out[i] = round_p(a[i] × b[i]); out may be a or b. */
  public static void multiply(FloatPArray a, FloatPArray b, FloatPArray out) {
    check(a, b, out);
    if (inLanes(out) && FloatPVectors.multipliesInLanes(out.format)) {
      FloatPVectors.multiply(out.format, a.slots, b.slots, false, out.slots);
    } else {
      apply(a, b, out, MULTIPLY);
    }
  }

  /**
   * out[i] = round_p(a[i] ÷ b[i]); out may be a or b. A zero divisor throws ArithmeticException,
   * with some of the other elements already written.
   */
  public static void divide(FloatPArray a, FloatPArray b, FloatPArray out) {
    check(a, b, out);
    if (inLanes(out) && FloatPVectors.multipliesInLanes(out.format)) {
      FloatPVectors.multiply(out.format, a.slots, b.slots, true, out.slots);
    } else {
      apply(a, b, out, DIVIDE);
    }
  }

  private static final int ADD = 0;
  private static final int SUBTRACT = 1;
  private static final int MULTIPLY = 2;
  private static final int DIVIDE = 3;

  /**
   * z[i] = x[i] op y[i] on the long path, one loop per operation (a call through a functional
   * interface here would see four targets and not inline), or on LimbArith for wide formats.
   */
  private static void apply(FloatPArray a, FloatPArray b, FloatPArray out, int op) {
    FloatFormat f = out.format;
    if (out.slots == null) {
      LimbArith arith = new LimbArith(f);
      for (int i = 0; i < out.length(); i++) {
        switch (op) {
          case ADD -> arith.add(a.wide, i, b.wide, i, false, out.wide, i);
          case SUBTRACT -> arith.add(a.wide, i, b.wide, i, true, out.wide, i);
          case MULTIPLY -> arith.multiply(a.wide, i, b.wide, i, out.wide, i);
          default -> arith.divide(a.wide, i, b.wide, i, out.wide, i);
        }
      }
      return;
    }
    long[] x = a.slots;
    long[] y = b.slots;
    long[] z = out.slots;
    int n = z.length >> 1;
    boolean narrow = f.p() <= LongArith.NARROW_P;
    switch (op) {
      case ADD, SUBTRACT -> {
        long flip = op == SUBTRACT ? -1 : 0; // y[i] or -y[i]
        if (narrow) {
          for (int i = 0; i < n; i++) {
            LongArith.addNarrow(f, x[i], x[n + i], (y[i] ^ flip) - flip, y[n + i], z, i, n + i);
          }
        } else {
          for (int i = 0; i < n; i++) {
            LongArith.add(f, x[i], x[n + i], (y[i] ^ flip) - flip, y[n + i], z, i, n + i);
          }
        }
      }
      case MULTIPLY -> {
        if (narrow) {
          for (int i = 0; i < n; i++) {
            LongArith.multiplyNarrow(f, x[i], x[n + i], y[i], y[n + i], z, i, n + i);
          }
        } else {
          for (int i = 0; i < n; i++) {
            LongArith.multiply(f, x[i], x[n + i], y[i], y[n + i], z, i, n + i);
          }
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          LongArith.divide(f, x[i], x[n + i], y[i], y[n + i], z, i, n + i);
        }
      }
    }
  }

  private static void check(FloatPArray a, FloatPArray b, FloatPArray out) {
    if (!a.format.equals(out.format) || !b.format.equals(out.format)) {
      throw new IllegalArgumentException("arrays of different formats: " + a.format + ", "
          + b.format + ", " + out.format);
    }
    if (a.length() != out.length() || b.length() != out.length()) {
      throw new IllegalArgumentException("arrays of different lengths: " + a.length() + ", "
          + b.length() + ", " + out.length());
    }
  }
}
