package ssmlab.nc1;

/**
 * A complete fan-in-2 formula of depth d as a DLOGTIME machine reads it, by random access: node
 * 0 is the root, node k has children 2k+1 and 2k+2, nodes 0..2^d−2 are AND or OR gates and node
 * 2^d − 1 + ℓ is leaf ℓ, a variable x_1..x_vars.
 */
public interface CompleteFormula {
  int depth();

  /** Whether gate {@code node} (below 2^d − 1) is an OR; otherwise an AND. */
  boolean isOr(long node);

  /** The variable index (at least 1) of leaf {@code leaf} (below 2^d). */
  int variable(long leaf);

  /**
   * A pseudo-random formula stored nowhere: gate types and leaf variables are hashes of the node
   * number, so depth 31 (2^31 leaves) costs nothing.
   */
  static CompleteFormula random(int depth, int vars, long seed) {
    if (depth < 0 || depth > 31 || vars < 1) {
      throw new IllegalArgumentException("depth must be in 0..31 and vars at least 1");
    }
    return new CompleteFormula() {
      @Override
      public int depth() {
        return depth;
      }

      @Override
      public boolean isOr(long node) {
        return (mix(seed, node) & 1) != 0;
      }

      @Override
      public int variable(long leaf) {
        return 1 + (int) Math.floorMod(mix(seed + 1, leaf), (long) vars);
      }
    };
  }

  /** The same formula as a tree (depth at most 20). */
  default BoolFormula toFormula() {
    if (depth() > 20) {
      throw new IllegalArgumentException("depth " + depth() + " is too deep to build");
    }
    return tree(0, depth());
  }

  private BoolFormula tree(long node, int height) {
    if (height == 0) {
      return new BoolFormula.Var(variable(node - ((1L << depth()) - 1)));
    }
    BoolFormula l = tree(2 * node + 1, height - 1);
    BoolFormula r = tree(2 * node + 2, height - 1);
    return isOr(node) ? new BoolFormula.Or(l, r) : new BoolFormula.And(l, r);
  }

  /** SplitMix64's finaliser of seed + node. */
  private static long mix(long seed, long node) {
    long z = seed * 0x9E3779B97F4A7C15L + node;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
