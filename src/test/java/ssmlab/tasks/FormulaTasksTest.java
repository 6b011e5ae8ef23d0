package ssmlab.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ssmlab.nc1.Barrington;
import ssmlab.nc1.Perm;

final class FormulaTasksTest {

  private static List<String> tokens(String s) {
    return Arrays.asList(s.split(" "));
  }

  static LongStream seeds() {
    return LongStream.range(0, 10);
  }

  /** Exact integers, reduced mod m only at the end: an evaluator independent of the task's. */
  private static BigInteger exact(List<String> t, int[] pos) {
    BigInteger v = term(t, pos);
    while (pos[0] < t.size() && (t.get(pos[0]).equals("+") || t.get(pos[0]).equals("-"))) {
      boolean plus = t.get(pos[0]++).equals("+");
      BigInteger r = term(t, pos);
      v = plus ? v.add(r) : v.subtract(r);
    }
    return v;
  }

  private static BigInteger term(List<String> t, int[] pos) {
    BigInteger v = factor(t, pos);
    while (pos[0] < t.size() && t.get(pos[0]).equals("*")) {
      pos[0]++;
      v = v.multiply(factor(t, pos));
    }
    return v;
  }

  private static BigInteger factor(List<String> t, int[] pos) {
    String s = t.get(pos[0]++);
    if (s.equals("(")) {
      BigInteger v = exact(t, pos);
      pos[0]++; // ')'
      return v;
    }
    return new BigInteger(s);
  }

  private static List<String> unpadded(Sample s) {
    return s.input().subList(0, BaseTask.unpaddedLength(s.input()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void arith_valueMatchesExactIntegerEvaluation(long seed) {
    var rng = new SplittableRandom(seed);
    for (String m : List.of("5", "7", "12")) {
      Task t = TaskRegistry.create("arith", Map.of("m", m));
      Sample s = t.sample(1 + rng.nextInt(200), rng);
      List<String> formula = unpadded(s);
      BigInteger v = exact(formula, new int[] {0}).mod(BigInteger.valueOf(Integer.parseInt(m)));
      assertThat(s.target().get(formula.size() - 1)).as("seed=%d m=%s", seed, m)
          .isEqualTo(v.toString());
    }
  }

  @Test
  void arith_oddLengthsExact_evenLengthsOnePad() {
    Task t = TaskRegistry.create("arith");
    var rng = new SplittableRandom(2);
    for (int n = 1; n <= 41; n++) {
      assertThat(unpadded(t.sample(n, rng))).as("n=%d", n).hasSize(n % 2 == 1 ? n : n - 1);
    }
  }

  @Test
  void arith_depthBound_capsTheNesting() {
    Task t = TaskRegistry.create("arith", Map.of("depth", "3"));
    Sample s = t.sample(200, new SplittableRandom(4));
    int depth = 0;
    int max = 0;
    for (String tok : s.input()) {
      depth += tok.equals("(") ? 1 : tok.equals(")") ? -1 : 0;
      max = Math.max(max, depth);
    }
    // depth 3: at most 7 operators, (a op b) nested 3 deep with the root in parentheses
    assertThat(max).isEqualTo(3);
    assertThat(unpadded(s)).hasSize(4 * 7 + 1);
  }

  @Test
  void arith_valuesAreBalanced() {
    Task t = TaskRegistry.create("arith");
    var rng = new SplittableRandom(8);
    int[] counts = new int[5];
    for (int i = 0; i < 5000; i++) {
      Sample s = t.sample(5 + rng.nextInt(40), rng);
      counts[Integer.parseInt(s.target().get(BaseTask.unpaddedLength(s.input()) - 1))]++;
    }
    for (int c : counts) {
      assertThat(c / 5000.0).as(Arrays.toString(counts)).isBetween(0.18, 0.22);
    }
  }

  @Test
  void arith_booleanSemiring_handComputed() {
    Task t = TaskRegistry.create("arith", Map.of("semiring", "bool"));
    assertThat(t.solve(tokens("( 1 + 0 ) * ( 0 * 1 )")).getLast()).isEqualTo("0");
    assertThat(t.solve(tokens("1 + ( 0 * 1 )")).getLast()).isEqualTo("1");
    assertThat(t.inputVocabulary().tokens()).doesNotContain("-");
  }

  @Test
  void modarith_precedence_handComputed() {
    Task t = TaskRegistry.create("modarith");
    assertThat(t.solve(tokens("2 + 3 * 4")).getLast()).isEqualTo("4"); // 14 mod 5
    assertThat(t.solve(tokens("1 - 3 * 2 - 4")).getLast()).isEqualTo("1"); // -9 mod 5
    assertThat(t.solve(tokens("2 + 3 * 4 <pad>"))).containsExactly(null, null, null, null,
        "4", null);
  }

  @Test
  void modarith_deletangDocstringExamples() {
    // the examples (modulo 5) in Deletang et al.'s tasks/regular/modular_arithmetic.py
    Task t = TaskRegistry.create("modarith");
    assertThat(t.solve(tokens("1 + 2 * 3")).getLast()).isEqualTo("2");
    assertThat(t.solve(tokens("1 - 1 - 1")).getLast()).isEqualTo("4");
    assertThat(t.solve(tokens("0 * 1 + 4 * 3 - 2")).getLast()).isEqualTo("0");
  }

  @Test
  void modarithBrackets_handComputed() {
    Task t = TaskRegistry.create("modarith-brackets");
    assertThat(t.solve(tokens("4 + ( 2 - ( 0 - 4 ) )")).getLast()).isEqualTo("0"); // 10
  }

  @Test
  void bfvp_allForms_handComputed() {
    assertThat(TaskRegistry.create("bfvp").solve(tokens("( ( ! 0 ) & 1 )")).getLast())
        .isEqualTo("1");
    assertThat(TaskRegistry.create("bfvp", Map.of("form", "prefix"))
        .solve(tokens("| & 1 0 ! 1")).getLast()).isEqualTo("0");
    assertThat(TaskRegistry.create("bfvp", Map.of("form", "postfix"))
        .solve(tokens("1 0 & 1 ! |")).getLast()).isEqualTo("0");
  }

  @Test
  void bfvp_classesBalanced_inEveryForm() {
    for (String form : List.of("infix", "prefix", "postfix")) {
      Task t = TaskRegistry.create("bfvp", Map.of("form", form));
      var rng = new SplittableRandom(9);
      int ones = 0;
      for (int i = 0; i < 4000; i++) {
        Sample s = t.sample(1 + rng.nextInt(60), rng);
        ones += s.target().get(BaseTask.unpaddedLength(s.input()) - 1).equals("1") ? 1 : 0;
      }
      assertThat(ones / 4000.0).as(form).isBetween(0.47, 0.53);
    }
  }

  @Test
  void bfvp_infix_unreachableLengthsArePadded() {
    Task t = TaskRegistry.create("bfvp");
    var rng = new SplittableRandom(1);
    assertThat(unpadded(t.sample(2, rng))).hasSize(1);
    assertThat(unpadded(t.sample(3, rng))).hasSize(1);
    assertThat(unpadded(t.sample(6, rng))).hasSize(5);
    for (int n : new int[] {1, 4, 5, 7, 8, 9, 10, 50}) {
      assertThat(unpadded(t.sample(n, rng))).as("n=%d", n).hasSize(n);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bfvpViaBarrington_productIsCycleIffTrue_andLengthRule(long seed) {
    Task t = TaskRegistry.create("bfvp", Map.of("via", "barrington"));
    var rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(400);
    Sample s = t.sample(n, rng);
    List<String> word = unpadded(s);
    Perm p = Perm.identity(5);
    for (String g : word) {
      p = p.then(Perm.parse(g));
    }
    String label = s.target().get(word.size() - 1);
    assertThat(p).isEqualTo(label.equals("1") ? Barrington.SIGMA : Perm.identity(5));
    assertThat(n - word.size()).as("seed=%d n=%d", seed, n).isBetween(0, 5);
  }

  @Test
  void bfvpViaBarrington_solverReadsTheProduct() {
    Task t = TaskRegistry.create("bfvp", Map.of("via", "barrington"));
    assertThat(t.solve(tokens("23451"))).containsExactly("1");
    assertThat(t.solve(tokens("23451 51234 <pad>"))).containsExactly(null, "0", null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.solve(tokens("21345")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bfvpViaBarrington_classesBalanced() {
    Task t = TaskRegistry.create("bfvp", Map.of("via", "barrington"));
    var rng = new SplittableRandom(3);
    int ones = 0;
    for (int i = 0; i < 2000; i++) {
      Sample s = t.sample(1 + rng.nextInt(100), rng);
      ones += s.target().get(BaseTask.unpaddedLength(s.input()) - 1).equals("1") ? 1 : 0;
    }
    assertThat(ones / 2000.0).isBetween(0.46, 0.54);
  }
}
