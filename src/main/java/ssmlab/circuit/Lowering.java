package ssmlab.circuit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites of a circuit into a smaller gate set, rebuilt through a {@link CircuitBuilder} so the
 * result is hashed and folded again.
 *
 * <ul>
 *   <li>{@link #toMajority}: every THRESHOLD gate [Σ w_i x_i ≥ t] becomes one MAJ gate of the
 *       same depth (reference §2.6): feed {@code y_i = x_i} (w_i > 0) or {@code ¬x_i} (w_i < 0)
 *       |w_i| times; with W = Σ|w_i| and t' = t + Σ_{w_i<0} |w_i|, pad with 2t' − W zeros or
 *       W − 2t' ones, so MAJ over N = 2·max(t', W − t') inputs is [Σ|w_i| y_i ≥ t'].
 *   <li>{@link #toAndOr}: every MAJ and THRESHOLD gate becomes AND/OR/NOT: the weighted sum by
 *       full adders (columns compressed three bits at a time, then a ripple), compared with t'
 *       from the least significant bit up. Depth is no longer constant: this is for tools
 *       without threshold gates (BLIF, BENCH, ABC).
 * </ul>
 */
public final class Lowering {
  private Lowering() {}

  public static Circuit toMajority(Circuit c) {
    return rebuild(c, true);
  }

  public static Circuit toAndOr(Circuit c) {
    return rebuild(c, false, Integer.MAX_VALUE);
  }

  /**
   * {@link #toAndOr} with every AND and OR gate of more than {@code maxFanIn} inputs split into a
   * balanced tree of gates of at most {@code maxFanIn} inputs (the same function; depth grows by
   * ⌈log_maxFanIn k⌉ - 1 per gate of fan-in k).
   */
  public static Circuit toAndOr(Circuit c, int maxFanIn) {
    if (maxFanIn < 2) {
      throw new IllegalArgumentException("maxFanIn must be at least 2, got " + maxFanIn);
    }
    return rebuild(c, false, maxFanIn);
  }

  private static Circuit rebuild(Circuit c, boolean majority) {
    return rebuild(c, majority, Integer.MAX_VALUE);
  }

  private static Circuit rebuild(Circuit c, boolean majority, int maxFanIn) {
    CircuitBuilder b = new CircuitBuilder();
    int[] map = new int[c.gateCount()];
    map[1] = CircuitBuilder.TRUE;
    for (Port p : c.inputs()) {
      int[] w = b.input(p.name(), p.width());
      for (int i = 0; i < w.length; i++) {
        map[p.wire(i)] = w[i];
      }
    }
    for (int g = 2 + c.inputBits(); g < c.gateCount(); g++) {
      int k = c.fanIn(g);
      int[] in = new int[k];
      for (int i = 0; i < k; i++) {
        in[i] = map[c.fanInWire(g, i)];
      }
      map[g] = switch (c.type(g)) {
        case NOT -> b.not(in[0]);
        case AND -> tree(b, in, true, maxFanIn);
        case OR -> tree(b, in, false, maxFanIn);
        case MAJ, THRESHOLD -> {
          int[] w = new int[k];
          for (int i = 0; i < k; i++) {
            w[i] = c.weight(g, i);
          }
          yield majority ? majorityOf(b, in, w, c.threshold(g))
              : sumAtLeast(b, in, w, c.threshold(g));
        }
        default -> throw new IllegalStateException("unexpected gate " + c.type(g));
      };
    }
    for (Port p : c.outputs()) {
      int[] w = new int[p.width()];
      for (int i = 0; i < w.length; i++) {
        w[i] = map[p.wire(i)];
      }
      b.output(p.name(), w);
    }
    return b.build();
  }

  /** AND or OR of {@code in} as a tree of gates of at most {@code max} inputs. */
  private static int tree(CircuitBuilder b, int[] in, boolean isAnd, int max) {
    int[] level = in;
    while (level.length > max) {
      int[] next = new int[(level.length + max - 1) / max];
      for (int i = 0; i < next.length; i++) {
        int from = i * level.length / next.length;
        int to = (i + 1) * level.length / next.length;
        int[] part = Arrays.copyOfRange(level, from, to);
        next[i] = isAnd ? b.and(part) : b.or(part);
      }
      level = next;
    }
    return isAnd ? b.and(level) : b.or(level);
  }

  private static int majorityOf(CircuitBuilder b, int[] in, int[] w, long t) {
    long total = 0;
    List<Integer> fed = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      int y = w[i] > 0 ? in[i] : b.not(in[i]);
      if (w[i] < 0) {
        t -= w[i];
      }
      total += Math.abs(w[i]);
      for (int r = 0; r < Math.abs(w[i]); r++) {
        fed.add(y);
      }
    }
    long pad = Math.abs(2 * t - total);
    int padWire = 2 * t >= total ? CircuitBuilder.FALSE : CircuitBuilder.TRUE;
    for (long r = 0; r < pad; r++) {
      fed.add(padWire);
    }
    int[] all = fed.stream().mapToInt(Integer::intValue).toArray();
    return b.majorityVerbatim(all);
  }

  private static int sumAtLeast(CircuitBuilder b, int[] in, int[] w, long t) {
    List<List<Integer>> cols = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      int y = w[i] > 0 ? in[i] : b.not(in[i]);
      if (w[i] < 0) {
        t -= w[i];
      }
      int aw = Math.abs(w[i]);
      for (int q = 0; aw >> q != 0; q++) {
        if ((aw >> q & 1) != 0) {
          column(cols, q).add(y);
        }
      }
    }
    List<Integer> sum = new ArrayList<>();
    for (int q = 0; q < cols.size(); q++) {
      List<Integer> col = cols.get(q);
      while (col.size() > 1) {
        int x = col.remove(col.size() - 1);
        int y = col.remove(col.size() - 1);
        int z = col.isEmpty() ? CircuitBuilder.FALSE : col.remove(col.size() - 1);
        int xy = b.xor(x, y);
        col.add(0, b.xor(xy, z));
        column(cols, q + 1).add(b.or(b.and(x, y), b.and(z, xy)));
      }
      sum.add(col.isEmpty() ? CircuitBuilder.FALSE : col.get(0));
    }
    // [S ≥ t] from the LSB up: ge = t_q ? s_q ∧ ge : s_q ∨ ge
    int ge = CircuitBuilder.TRUE;
    for (int q = 0; q < sum.size(); q++) {
      ge = (t >> q & 1) != 0 ? b.and(sum.get(q), ge) : b.or(sum.get(q), ge);
    }
    return t >> sum.size() != 0 ? CircuitBuilder.FALSE : ge;
  }

  private static List<Integer> column(List<List<Integer>> cols, int q) {
    while (cols.size() <= q) {
      cols.add(new ArrayList<>());
    }
    return cols.get(q);
  }
}
