package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ssmlab.nc1.BooleanSentence;
import ssmlab.nc1.Semiring;
import ssmlab.tasks.TaskSpec.Param;

/** The registry's entries, family by family; each factory reads its options and builds a task. */
final class TaskCatalog {

  private static final Param LABEL_ALL =
      new Param("label", "all", "all: every position labelled; final: only the last");

  private static final Param WORDS = new Param("words", "random",
      "random: uniform elements; barrington: the S5 words of random formulas' branching "
          + "programs, padded with the identity (the last product is the formula's value)");

  private TaskCatalog() {}

  static List<TaskSpec> groupTasks() {
    List<TaskSpec> out = new ArrayList<>();
    String[][] named = {
      {"s5", "S5"}, {"a5", "A5"}, {"s4", "S4"}, {"s3", "S3"}, {"a4xz5", "A4xZ5"},
      {"z60", "Z60"}, {"z2", "Z2"},
    };
    for (String[] n : named) {
      FiniteGroup g = Groups.byName(n[1]);
      String what = "word problem over " + g.name() + ": prefix products (state tracking)";
      if (g.name().equals("S5")) {
        out.add(new TaskSpec(n[0], classOf(g), what, List.of(LABEL_ALL, WORDS),
            o -> new GroupWordTask(n[0], g, finalOnly(o),
                o.choice("words", "random", "random", "barrington").equals("barrington"))));
      } else {
        out.add(new TaskSpec(n[0], classOf(g), what, List.of(LABEL_ALL),
            o -> new GroupWordTask(n[0], g, finalOnly(o))));
      }
    }
    out.add(new TaskSpec("perm", TaskClass.NC1_COMPLETE,
        "word problem over S_K (K >= 5: NC1-complete): prefix products",
        List.of(new Param("k", "5", "degree K, 1.." + PermutationGroup.MAX_DEGREE), LABEL_ALL),
        o -> {
          int k = o.intValue("k", 5, 1, PermutationGroup.MAX_DEGREE);
          return new GroupWordTask("perm", PermutationGroup.symmetric(k), finalOnly(o));
        }));
    out.add(new TaskSpec("group", TaskClass.NC1_COMPLETE,
        "word problem over a named group (S<k>, A<k>, Z<n>, products A4xZ5)",
        List.of(new Param("group", "S5", "the group's name"), LABEL_ALL),
        o -> new GroupWordTask("group", Groups.byName(o.string("group", "S5")), finalOnly(o))));
    out.add(new TaskSpec("s5-identity", TaskClass.NC1_COMPLETE,
        "word problem proper over S5: is the product the identity? one balanced label",
        List.of(), o -> new IdentityWordTask("s5-identity", Groups.byName("S5"))));
    return out;
  }

  static List<TaskSpec> countingTasks() {
    return List.of(
        new TaskSpec("parity", TaskClass.REGULAR,
            "parity of bits: \"1\" iff the prefix holds an odd number of ones",
            List.of(LABEL_ALL), o -> PrefixScanTask.modCount("parity", 2, finalOnly(o))),
        new TaskSpec("modcount", TaskClass.REGULAR, "number of ones in the prefix modulo M",
            List.of(new Param("m", "3", "modulus M, at least 2"), LABEL_ALL),
            o -> PrefixScanTask.modCount("modcount", o.intValue("m", 3, 2, 1000),
                finalOnly(o))));
  }

  static List<TaskSpec> languageTasks() {
    String next = "; targets: allowed next symbols";
    return List.of(
        new TaskSpec("dyck1", TaskClass.COUNTER, "Dyck-1, balanced parentheses" + next,
            List.of(), o -> new LanguageTask("dyck1", "Dyck-1" + next, TaskClass.COUNTER,
                new DyckLanguage(1, DyckLanguage.UNBOUNDED))),
        new TaskSpec("dyck", TaskClass.STAR_FREE,
            "Dyck-(K, H): K bracket pairs, nesting depth at most H" + next,
            List.of(new Param("k", "2", "bracket pairs, 1.." + DyckLanguage.MAX_PAIRS),
                new Param("depth", "10", "maximum nesting depth H, at least 1")),
            o -> {
              int k = o.intValue("k", 2, 1, DyckLanguage.MAX_PAIRS);
              int h = o.intValue("depth", 10, 1, 1_000_000);
              return new LanguageTask("dyck", "Dyck-(" + k + ", " + h + ")" + next,
                  TaskClass.STAR_FREE, new DyckLanguage(k, h));
            }),
        new TaskSpec("shuffle-dyck", TaskClass.COUNTER,
            "Shuffle-K: interleaved Dyck-1 languages over K pairs" + next,
            List.of(new Param("k", "2", "bracket pairs, 1.." + DyckLanguage.MAX_PAIRS)),
            o -> {
              int k = o.intValue("k", 2, 1, DyckLanguage.MAX_PAIRS);
              return new LanguageTask("shuffle-dyck", "Shuffle-" + k + next, TaskClass.COUNTER,
                  new ShuffleDyckLanguage(k));
            }),
        new TaskSpec("tomita", TaskClass.REGULAR,
            "Tomita grammar N over {0,1} (1, 2, 4, 7 star-free)" + next,
            List.of(new Param("n", "3", "grammar 1..7")),
            o -> {
              int n = o.intValue("n", 3, 1, 7);
              return new LanguageTask("tomita", "Tomita " + n + next,
                  Tomita.starFree(n) ? TaskClass.STAR_FREE : TaskClass.REGULAR,
                  Tomita.grammar(n));
            }),
        new TaskSpec("starfree-d", TaskClass.STAR_FREE,
            "D_N = (a D_(N-1) b)*: Dyck-1 over a, b with depth at most N" + next,
            List.of(new Param("n", "2", "depth N, at least 1")),
            o -> {
              int n = o.intValue("n", 2, 1, 1_000_000);
              return new LanguageTask("starfree-d", "D_" + n + next, TaskClass.STAR_FREE,
                  new DyckLanguage(1, n, List.of("a", "b")));
            }),
        new TaskSpec("anbn", TaskClass.COUNTER, "a^n b^n" + next, List.of(),
            o -> new LanguageTask("anbn", "a^n b^n" + next, TaskClass.COUNTER,
                new AnBnLanguage())),
        new TaskSpec("aa-star", TaskClass.REGULAR, "(aa)*: even runs of a" + next, List.of(),
            o -> new LanguageTask("aa-star", "(aa)*" + next, TaskClass.REGULAR,
                Tomita.evenAs())),
        new TaskSpec("flipflop", TaskClass.STAR_FREE,
            "flip-flop: write/ignore/read + bit; at a read, the last written bit",
            List.of(new Param("p-ignore", "0.8", "probability of an ignore instruction")),
            o -> new FlipFlopTask(o.doubleValue("p-ignore", 0.8, 0, 1))));
  }

  static List<TaskSpec> deletangTasks() {
    Param labelFinal = new Param("label", "final", "final: only the last position; all: every");
    return List.of(
        new TaskSpec("even-pairs", TaskClass.STAR_FREE,
            "is the number of 01 and 10 pairs even (first bit = last bit)?", List.of(labelFinal),
            o -> PrefixScanTask.evenPairs(finalOnlyByDefault(o))),
        new TaskSpec("modarith", TaskClass.REGULAR,
            "value mod 5 of numbers 0..4 joined by + - * (no brackets)", List.of(),
            o -> new ModArithTask()),
        new TaskSpec("modarith-brackets", TaskClass.CONTEXT_FREE,
            "value mod 5 of a bracketed formula with + - *",
            List.of(new Param("depth", "0", "maximum formula depth, 0 unbounded")),
            o -> new ArithTask("modarith-brackets", "value mod 5 of a bracketed formula",
                TaskClass.CONTEXT_FREE, new Semiring.Zm(5),
                o.intValue("depth", 0, 0, 1_000_000))),
        new TaskSpec("cycle-nav", TaskClass.REGULAR,
            "position on a 5-cycle after moves 0 stay, 1 +1, 2 -1", List.of(labelFinal),
            o -> PrefixScanTask.cycleNavigation(finalOnlyByDefault(o))),
        new TaskSpec("reverse", TaskClass.CONTEXT_FREE, "a random string, |, its reverse",
            List.of(new Param("vocab", "2", "alphabet size, 1..26 (letters a, b, ...)")),
            o -> new CopyTask("reverse", true, o.intValue("vocab", 2, 1, 26))),
        new TaskSpec("stack-manip", TaskClass.CONTEXT_FREE,
            "final stack after pops and pushes on an initial stack", List.of(),
            o -> new StackManipulationTask()));
  }

  static List<TaskSpec> formulaTasks() {
    return List.of(
        new TaskSpec("arith", TaskClass.NC1_COMPLETE,
            "value of a random arithmetic formula over Z_M or the Boolean semiring",
            List.of(new Param("m", "5", "modulus M, at least 2"),
                new Param("semiring", "zm", "zm: Z_M with + - *; bool: or (+), and (*)"),
                new Param("depth", "0", "maximum formula depth, 0 unbounded")),
            o -> {
              boolean bool = o.choice("semiring", "zm", "zm", "bool").equals("bool");
              int m = o.intValue("m", 5, 2, 1000);
              Semiring ring = bool ? new Semiring.Bool() : new Semiring.Zm(m);
              return new ArithTask("arith", "value of a random formula over " + ring.name(),
                  TaskClass.NC1_COMPLETE, ring, o.intValue("depth", 0, 0, 1_000_000));
            }),
        new TaskSpec("bfvp", TaskClass.NC1_COMPLETE,
            "Boolean formula value problem: value of a random variable-free formula, balanced",
            List.of(new Param("form", "infix", "infix, prefix (Polish) or postfix (Buss, C.6)"),
                new Param("via", "none", "barrington: emit the formula as an S5 word")),
            o -> {
              String form = o.choice("form", null, "infix", "prefix", "postfix");
              boolean via = o.choice("via", "none", "none", "barrington").equals("barrington");
              if (via && form != null) {
                throw new IllegalArgumentException("--form does not apply with --via barrington");
              }
              if (via) {
                return new BarringtonWordTask();
              }
              String f = form == null ? "infix" : form;
              return new BfvpTask(BooleanSentence.Form.valueOf(f.toUpperCase(Locale.ROOT)));
            }));
  }

  static List<TaskSpec> memoryTasks() {
    return List.of(
        new TaskSpec("copy", TaskClass.CONTEXT_SENSITIVE, "a random string, |, then its copy",
            List.of(new Param("vocab", "26", "alphabet size, 1..26 (letters a, b, ...)")),
            o -> new CopyTask("copy", false, o.intValue("vocab", 26, 1, 26))),
        new TaskSpec("lis-cot", TaskClass.TC0,
            "longest increasing subsequence with chain of thought: DP table, then the answer",
            List.of(new Param("vocab", "10", "values 0..V-1, V in 1..100"),
                new Param("cot", "true", "true: the DP table before the answer; false: the "
                    + "answer right after |")),
            o -> new LisCotTask(o.intValue("vocab", 10, 1, 100),
                o.choice("cot", "true", "true", "false").equals("true"))));
  }

  private static TaskClass classOf(FiniteGroup g) {
    return g.solvable() ? TaskClass.TC0 : TaskClass.NC1_COMPLETE;
  }

  static boolean finalOnly(TaskOptions o) {
    return o.choice("label", "all", "all", "final").equals("final");
  }

  static boolean finalOnlyByDefault(TaskOptions o) {
    return o.choice("label", "final", "all", "final").equals("final");
  }
}
