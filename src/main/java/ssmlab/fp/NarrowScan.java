package ssmlab.fp;

/**
 * {@link FloatPScan#step}'s cells for Mamba's discretization when p <= 20, each rounding done by
 * integer arithmetic in place: no call, no store between operations. Any cell that meets a zero,
 * an exponent gap wider than a long, or an exponent outside the format's range goes to
 * {@link FloatPScan.Cells#cell}, which gives the same bits.
 */
final class NarrowScan {
  private NarrowScan() {}

  /** Up to this p three significands multiply exactly in a long (3p <= 60). */
  static final int MAX_P = 20;

  static boolean takes(FloatFormat f, FloatPMemo decay) {
    return f.p() <= MAX_P && decay.packs();
  }

  /*
   * Significands are normalized: a non-zero one has exactly p bits. So a product of two has
   * 2p - 1 or 2p bits (s = p - 1 or p of them dropped), of three 3p - 2 to 3p, and each is
   * rounded half to even by integer addition as LongArith.multiplyNarrow rounds it, a round-up
   * to 2^p carried into the exponent. The sum da*h + s is LongArith.addNarrow's: the operand
   * with the larger exponent shifted onto the other's, exact in a long while the gap is at most
   * 62 - p. Each rounded exponent is checked against [emin, emax] as those methods check it;
   * a cell that fails a check is redone whole by the general path.
   */

  /** The cells (d, 0..dState) of one channel. */
  static void channel(FloatPScan.Cells c, int d, boolean first) {
    FloatFormat f = c.f;
    int p = f.p();
    long emin = f.minExponent();
    long emax = f.maxExponent();
    int dInner = c.dInner;
    int dState = c.dState;
    int cells = c.cells;
    long[] av = c.av;
    long[] bv = c.bv;
    long[] h = c.h;
    long md = c.dl[d];
    long ed = c.dl[dInner + d];
    long mu = c.uv[d];
    // delta * u, exact: the first two factors of s = round_p(delta * b * u).
    long du = md * mu;
    long edu = ed + c.uv[dInner + d];
    if (du == 0) {
      for (int n = 0; n < dState; n++) {
        c.cell(d, n, first);
      }
      return;
    }
    long ud = Math.abs(md);
    long uDu = Math.abs(du);
    int top = 2 * p - 1;
    for (int n = 0; n < dState; n++) {
      int i = d * dState + n;
      long ma = av[i];
      long mb = bv[n];
      long mh = h[i];
      if (ma == 0 || mb == 0 || !first && mh == 0) {
        c.cell(d, n, first);
        continue;
      }
      boolean bad;
      // x = round_p(delta * a)
      long px = ud * Math.abs(ma);
      int sx = p - 1 + (int) (px >>> top);
      long kx = round(px, sx);
      long ex0 = ed + av[cells + i] + sx;
      long cx = kx >>> p;
      long ex = ex0 + cx;
      bad = ex0 < emin || ex > emax;
      long mx = signed(kx >>> cx, md ^ ma);
      // s = round_p(delta * u * b)
      long ps = uDu * Math.abs(mb);
      int ss = 64 - Long.numberOfLeadingZeros(ps) - p;
      long ks = round(ps, ss);
      long es0 = edu + bv[dState + n] + ss;
      long cs = ks >>> p;
      long es = es0 + cs;
      bad |= es0 < emin || es > emax;
      long ms = signed(ks >>> cs, du ^ mb);
      if (first) {
        if (bad) {
          c.cell(d, n, true);
        } else {
          h[i] = ms;
          h[cells + i] = es;
        }
        continue;
      }
      if (bad) {
        c.cell(d, n, false);
        continue;
      }
      long packed = c.decay.packed(mx, ex);
      long mda = FloatPMemo.packedM(packed);
      long eda = c.decay.packedE(packed);
      // round_p(da * h)
      long pg = Math.abs(mda) * Math.abs(mh);
      int sg = p - 1 + (int) (pg >>> top);
      long kg = round(pg, sg);
      long eg0 = eda + h[cells + i] + sg;
      long cg = kg >>> p;
      long eg = eg0 + cg;
      bad = mda == 0 || eg0 < emin || eg > emax;
      long mg = signed(kg >>> cg, mda ^ mh);
      // round_p(da * h + s)
      long gap = eg - es;
      bad |= gap > 62 - p || gap < p - 62;
      if (bad) {
        c.cell(d, n, false);
        continue;
      }
      // Without a branch on the sign of the gap: one of the two shifts is 0.
      long below = gap >> 63;
      long sum = (mg << (gap & ~below)) + (ms << (-gap & below));
      long e0 = Math.min(eg, es);
      long sgn = sum >> 63;
      long mag = (sum ^ sgn) - sgn;
      int sz = 64 - Long.numberOfLeadingZeros(mag) - p;
      // sz <= 0 (cancellation left at most p bits): exact, shifted up instead.
      long kz = round(mag << Math.max(-sz, 0), Math.max(sz, 0));
      long cz = kz >>> p;
      long ez = e0 + sz + cz;
      if (mag == 0 || e0 + sz < emin || ez > emax) {
        c.cell(d, n, false);
        continue;
      }
      kz >>>= cz;
      h[i] = (kz ^ sgn) - sgn;
      h[cells + i] = ez;
    }
  }

  /** k with the sign of x (k >= 0). */
  private static long signed(long k, long x) {
    long sgn = x >> 63;
    return (k ^ sgn) - sgn;
  }

  /**
   * mag / 2^s rounded half to even (s >= 0): may reach 2^p, the caller's carry. The added
   * 2^(s-1) - 1 plus the kept part's lowest bit carries into the kept bits exactly when the
   * dropped ones exceed half, or equal it and that bit is odd; for s = 0 both terms are 0.
   */
  private static long round(long mag, int s) {
    return (mag + (((1L << s) - 1) >>> 1) + ((mag >>> s) & (-(long) s >>> 63))) >>> s;
  }
}
