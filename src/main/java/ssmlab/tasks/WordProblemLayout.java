package ssmlab.tasks;

/**
 * The CSV layout and product order of jopetty/word-problem (Merrill, Petty, Sabharwal 2024):
 * one file {@code <G>=<k>.csv} per group and length ({@code A5=4.csv}, {@code A4_x_Z5=16.csv}),
 * header {@code seed,input,target}, elements as space-separated ids. Their ids are ours (elements
 * of S_k and A_k in lexicographic one-line order, Z_n by residue, products row-major), but their
 * prefix product applies the last element first: {@code target_i = g_1 o g_2 o ... o g_i}, which
 * is our first-element-first product of the reversed prefix.
 */
final class WordProblemLayout {

  private WordProblemLayout() {}

  /** Their name of a group: factors joined by {@code _x_}, e.g. {@code A4_x_Z5}. */
  static String groupName(FiniteGroup g) {
    return g.name().replace("x", "_x_");
  }

  /** The file that holds the words of one length, e.g. {@code A5=4.csv}. */
  static String fileName(FiniteGroup g, int length) {
    return groupName(g) + "=" + length + ".csv";
  }

  /** Their prefix products of a word of element ids: each new element applied before the rest. */
  static int[] targets(FiniteGroup g, int[] input) {
    int[] out = new int[input.length];
    int acc = g.identity();
    for (int i = 0; i < input.length; i++) {
      acc = g.multiply(input[i], acc);
      out[i] = acc;
    }
    return out;
  }
}
