package ssmlab.compile.uniform;

/**
 * Where a program's steps lie at sequence length n. The program is a fixed list of segments,
 * each laid out position by position (t = 0 .. n - 1). A position of segment g has
 * {@code base(g, t)} steps, its own constant for t below {@code first} and one generic constant
 * from there on, plus {@code growth(g) (t + 2)} steps that grow with t (the unrolled scan's
 * t + 1 products and one sum per state cell), which come first. So the steps before position t
 * of segment g are a closed form, linear in t plus
 * {@code growth · sum_(t' < t) (t' + 2) = growth · (t(t - 1)/2 + 2t)}, and a step's segment and
 * position are found by O(1) operations on O(log n)-bit words: a walk over the constant number of
 * segments and one square root.
 */
final class ProgramLayout {
  private final int first;
  private final long[][] prefix;
  private final long[] generic;
  private final long[] growth;

  /**
   * @param base base(g, t) for t = 0 .. first: the last entry is the generic size
   * @param growth growth(g)
   */
  ProgramLayout(long[][] base, long[] growth) {
    this.first = base[0].length - 1;
    this.growth = growth.clone();
    this.prefix = new long[base.length][first + 1];
    this.generic = new long[base.length];
    for (int g = 0; g < base.length; g++) {
      for (int t = 0; t < first; t++) {
        prefix[g][t + 1] = prefix[g][t] + base[g][t];
      }
      generic[g] = base[g][first];
    }
  }

  int segments() {
    return generic.length;
  }

  /** The first position that has the generic size. */
  int first() {
    return first;
  }

  /** The growing steps at position t of segment g (they come before the base steps). */
  long grown(int g, long t) {
    return growth[g] * (t + 2);
  }

  /** The steps of segment g before position t. */
  long prefix(int g, long t) {
    long base = t <= first ? prefix[g][(int) t] : prefix[g][first] + (t - first) * generic[g];
    return base + growth[g] * (t * (t - 1) / 2 + 2 * t);
  }

  /** The first step of segment g at length n. */
  long start(int g, long n) {
    long s = 0;
    for (int h = 0; h < g; h++) {
      s += prefix(h, n);
    }
    return s;
  }

  /** The steps of the whole program at length n. */
  long size(long n) {
    return start(segments(), n);
  }

  /** The segment, position and offset within that position of step k at length n. */
  Located locate(long n, long k) {
    if (k < 0 || k >= size(n)) {
      throw new IllegalArgumentException("step " + k + " outside the program of " + size(n)
          + " steps at length " + n);
    }
    long rest = k;
    for (int g = 0; ; g++) {
      long total = prefix(g, n);
      if (rest < total) {
        long t = position(g, n, rest);
        return new Located(g, t, rest - prefix(g, t));
      }
      rest -= total;
    }
  }

  /** The largest t < n with prefix(g, t) <= k, for 0 <= k < prefix(g, n). */
  private long position(int g, long n, long k) {
    long t;
    if (k < prefix(g, Math.min(first, n))) {
      t = 0;
    } else if (growth[g] == 0) {
      t = first + (k - prefix[g][first]) / generic[g];
    } else {
      // prefix(t) = (a/2) t^2 + (G + 3a/2) t + (P_first - first G) for t >= first
      double a = growth[g];
      double b = generic[g] + 1.5 * a;
      double c = prefix[g][first] - (double) first * generic[g];
      t = Math.max(first, (long) ((-b + Math.sqrt(b * b + 2 * a * (k - c))) / a));
    }
    t = Math.min(t, n - 1);
    while (t + 1 < n && prefix(g, t + 1) <= k) {
      t++;
    }
    while (prefix(g, t) > k) {
      t--;
    }
    return t;
  }

  /** A step's place: segment, position, offset among that position's steps. */
  record Located(int segment, long position, long offset) {}
}
