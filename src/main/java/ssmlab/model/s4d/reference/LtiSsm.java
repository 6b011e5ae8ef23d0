package ssmlab.model.s4d.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ssmlab.arith.Arithmetic;

/**
 * A diagonal linear time-invariant SSM with H channels of N states (S4D's core, after
 * discretisation), over an {@link Arithmetic}:
 *
 * <pre>
 * recurrent (A.5, A.6):  s_t = Abar s_(t-1) + Bbar u_t,   y_t = sum_n C s_t + D u_t
 * kernel (A.7):          K_k = sum_n C Abar^k Bbar           one iterated product per (n, k)
 * convolution (A.8):     y_t = sum_(k <= t) K_k u_(t-k) + D u_t     one iterated sum
 * </pre>
 *
 * In exact arithmetic the two forms are equal; in F_p they round differently, and as a circuit
 * the convolution form has a depth independent of the length (the kernel entries are constants
 * of the model, computed once in the number system).
 */
public final class LtiSsm<T> {
  private final Arithmetic<T> ar;
  private final List<List<T>> aBar;
  private final List<List<T>> bBar;
  private final List<List<T>> c;
  private final List<T> d;

  /**
   * @param aBar (H, N) the discrete state transitions
   * @param bBar (H, N) the discrete input maps
   * @param c (H, N) the output maps
   * @param d (H) the skip weights
   */
  public LtiSsm(Arithmetic<T> ar, double[][] aBar, double[][] bBar, double[][] c, double[] d) {
    this.ar = ar;
    this.aBar = matrix(aBar);
    this.bBar = matrix(bBar);
    this.c = matrix(c);
    this.d = vector(d);
  }

  private LtiSsm(Arithmetic<T> ar, List<List<T>> aBar, List<List<T>> bBar, List<List<T>> c,
      List<T> d) {
    this.ar = ar;
    this.aBar = aBar;
    this.bBar = bBar;
    this.c = c;
    this.d = d;
  }

  /**
   * The same SSM with parameters that are already numbers of {@code T}, e.g. circuit inputs, so
   * that the kernel's powers and sums are computed from them rather than from constants.
   *
   * @param aBar (H, N) the discrete state transitions
   * @param bBar (H, N) the discrete input maps
   * @param c (H, N) the output maps
   * @param d (H) the skip weights
   */
  public static <T> LtiSsm<T> of(Arithmetic<T> ar, List<List<T>> aBar, List<List<T>> bBar,
      List<List<T>> c, List<T> d) {
    return new LtiSsm<>(ar, List.copyOf(aBar.stream().map(List::copyOf).toList()),
        List.copyOf(bBar.stream().map(List::copyOf).toList()),
        List.copyOf(c.stream().map(List::copyOf).toList()), List.copyOf(d));
  }

  /** y (L, H) of u (L, H) by the recurrence, rounding every step. */
  public List<List<T>> recurrent(List<List<T>> u) {
    int h = aBar.size();
    List<List<T>> y = new ArrayList<>(u.size());
    List<List<T>> s = null;
    for (List<T> ut : u) {
      List<List<T>> next = new ArrayList<>(h);
      List<T> yt = new ArrayList<>(h);
      for (int i = 0; i < h; i++) {
        int n = aBar.get(i).size();
        List<T> row = new ArrayList<>(n);
        List<T> terms = new ArrayList<>(n + 1);
        for (int j = 0; j < n; j++) {
          T input = ar.multiply(bBar.get(i).get(j), ut.get(i));
          T state = s == null ? input
              : ar.add(ar.multiply(aBar.get(i).get(j), s.get(i).get(j)), input);
          row.add(state);
          terms.add(ar.multiply(c.get(i).get(j), state));
        }
        terms.add(ar.multiply(d.get(i), ut.get(i)));
        next.add(row);
        yt.add(ar.sum(terms));
      }
      s = next;
      y.add(yt);
    }
    return y;
  }

  /** The kernel K (H, length): K_k = sum_n round(C Abar^k Bbar), each power one product. */
  public List<List<T>> kernel(int length) {
    List<List<T>> k = new ArrayList<>(aBar.size());
    for (int i = 0; i < aBar.size(); i++) {
      List<T> row = new ArrayList<>(length);
      for (int lag = 0; lag < length; lag++) {
        List<T> terms = new ArrayList<>();
        for (int j = 0; j < aBar.get(i).size(); j++) {
          List<T> factors = new ArrayList<>(lag + 2);
          factors.add(c.get(i).get(j));
          factors.add(bBar.get(i).get(j));
          for (int r = 0; r < lag; r++) {
            factors.add(aBar.get(i).get(j));
          }
          terms.add(ar.product(factors));
        }
        row.add(ar.sum(terms));
      }
      k.add(row);
    }
    return k;
  }

  /** y (L, H) of u (L, H) by the convolution with the kernel: one iterated sum per output. */
  public List<List<T>> convolution(List<List<T>> u) {
    List<List<T>> k = kernel(u.size());
    List<List<T>> y = new ArrayList<>(u.size());
    for (int t = 0; t < u.size(); t++) {
      List<T> yt = new ArrayList<>(k.size());
      for (int i = 0; i < k.size(); i++) {
        List<T> terms = new ArrayList<>(t + 2);
        for (int lag = 0; lag <= t; lag++) {
          terms.add(ar.multiply(k.get(i).get(lag), u.get(t - lag).get(i)));
        }
        terms.add(ar.multiply(d.get(i), u.get(t).get(i)));
        yt.add(ar.sum(terms));
      }
      y.add(yt);
    }
    return y;
  }

  private List<List<T>> matrix(double[][] m) {
    List<List<T>> out = new ArrayList<>(m.length);
    for (double[] row : m) {
      out.add(vector(row));
    }
    return Collections.unmodifiableList(out);
  }

  private List<T> vector(double[] v) {
    List<T> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(ar.constant(x));
    }
    return Collections.unmodifiableList(out);
  }
}
