package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

final class WordProblemLayoutTest {

  /** Rows of jopetty/word-problem's own files: file, seed, input, target. */
  private static List<String[]> theirRows() throws IOException {
    try (InputStream in = WordProblemLayoutTest.class.getResourceAsStream(
        "/ssmlab/tasks/word-problem-rows.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).map(l -> l.split(",")).toList();
    }
  }

  private static int[] ids(String s) {
    return Arrays.stream(s.split(" ")).mapToInt(Integer::parseInt).toArray();
  }

  private static FiniteGroup groupOf(String file) {
    return Groups.byName(file.substring(0, file.indexOf('=')));
  }

  /** Their numbering, built as their generator does: itertools.permutations order, kept if even. */
  private static List<String> theirPermutations(int k, boolean evenOnly) {
    List<String> out = new ArrayList<>();
    permute("", k, evenOnly, out);
    return out;
  }

  private static void permute(String prefix, int k, boolean evenOnly, List<String> out) {
    if (prefix.length() == k) {
      int inversions = 0;
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          inversions += prefix.charAt(i) > prefix.charAt(j) ? 1 : 0;
        }
      }
      if (!evenOnly || inversions % 2 == 0) {
        out.add(prefix);
      }
      return;
    }
    for (char c = '1'; c < '1' + k; c++) {
      if (prefix.indexOf(c) < 0) {
        permute(prefix + c, k, evenOnly, out);
      }
    }
  }

  /** Their product p * q in one-line notation: p[q[i]], q applied first. */
  private static String compose(String p, String q) {
    var sb = new StringBuilder();
    for (int i = 0; i < q.length(); i++) {
      sb.append(p.charAt(q.charAt(i) - '1'));
    }
    return sb.toString();
  }

  @Test
  void theirNumbering_isOurElementOrder() {
    assertThat(Groups.byName("A5").elements()).isEqualTo(theirPermutations(5, true));
    assertThat(Groups.byName("S5").elements()).isEqualTo(theirPermutations(5, false));
    List<String> a4z5 = new ArrayList<>();
    for (String a : theirPermutations(4, true)) {
      for (int z = 0; z < 5; z++) {
        a4z5.add(a + ":" + z);
      }
    }
    assertThat(Groups.byName("A4_x_Z5").elements()).isEqualTo(a4z5);
    assertThat(Groups.byName("Z60").elements().get(59)).isEqualTo("59");
  }

  @Test
  void fileNames_areTheirs() {
    assertThat(WordProblemLayout.fileName(Groups.byName("A5"), 4)).isEqualTo("A5=4.csv");
    assertThat(WordProblemLayout.fileName(Groups.byName("a4xz5"), 16))
        .isEqualTo("A4_x_Z5=16.csv");
    assertThat(WordProblemLayout.fileName(Groups.byName("Z60"), 2)).isEqualTo("Z60=2.csv");
  }

  // The issue measured that our first-element-first product reproduces none of their rows and
  // the reversed order all of them; this pins both.
  @Test
  void theirRows_reproducedByTheirOrder_notByOurs() throws IOException {
    List<String[]> rows = theirRows();
    assertThat(rows).hasSize(16);
    int theirs = 0;
    int ours = 0;
    for (String[] row : rows) {
      FiniteGroup g = groupOf(row[0]);
      int[] input = ids(row[2]);
      int[] target = ids(row[3]);
      assertThat(input).hasSize(
          Integer.parseInt(row[0].substring(row[0].indexOf('=') + 1, row[0].indexOf(".csv"))));
      if (Arrays.equals(WordProblemLayout.targets(g, input), target)) {
        theirs++;
      }
      int[] first = new int[input.length];
      int acc = g.identity();
      for (int i = 0; i < input.length; i++) {
        acc = g.multiply(acc, input[i]);
        first[i] = acc;
      }
      if (Arrays.equals(first, target)) {
        ours++;
      }
      // the same rows through their product written out on element names
      List<String> names = g.elements();
      String p = names.get(g.identity());
      for (int i = 0; i < input.length; i++) {
        p = compose(p, names.get(input[i]));
        assertThat(names.indexOf(p)).as(String.join(",", row)).isEqualTo(target[i]);
      }
    }
    assertThat(theirs).isEqualTo(16);
    assertThat(ours).isZero();
  }
}
