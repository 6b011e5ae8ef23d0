package ssmlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The task options of {@code tasks sample} and {@code tasks export}; a task reads what it has. */
final class TaskOptionsMixin {

  @Option(names = "--k", paramLabel = "K", description = "perm: degree; dyck, shuffle-dyck: pairs")
  String k;

  @Option(names = "--m", paramLabel = "M", description = "modcount, arith: modulus (>= 2)")
  String m;

  @Option(names = "--n", paramLabel = "N", description = "tomita: grammar 1..7; starfree-d: depth")
  String n;

  @Option(names = "--depth", paramLabel = "H", description = "dyck: max depth; arith: max depth")
  String depth;

  @Option(names = "--label", paramLabel = "all|final", description = "which positions are labelled")
  String label;

  @Option(names = "--via", paramLabel = "barrington", description = "bfvp: emit S5 words")
  String via;

  @Option(names = "--words", paramLabel = "random|barrington",
      description = "s5: random words, or formulas' branching programs (Barrington)")
  String words;

  @Option(names = "--form", paramLabel = "infix|prefix|postfix", description = "bfvp: notation")
  String form;

  @Option(names = "--semiring", paramLabel = "zm|bool", description = "arith: Z_M or Boolean")
  String semiring;

  @Option(names = "--group", paramLabel = "G", description = "group: S5, A5, A4xZ5, Z60, ...")
  String group;

  @Option(names = "--p-ignore", paramLabel = "P", description = "flipflop: ignore probability")
  String pIgnore;

  @Option(names = "--vocab", paramLabel = "V", description = "copy, reverse, lis-cot: alphabet")
  String vocab;

  @Option(names = "--cot", paramLabel = "true|false",
      description = "lis-cot: the DP table before the answer (chain of thought)")
  String cot;

  /** The options given, by name without dashes. */
  Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "k", k);
    put(out, "m", m);
    put(out, "n", n);
    put(out, "depth", depth);
    put(out, "label", label);
    put(out, "via", via);
    put(out, "form", form);
    put(out, "semiring", semiring);
    put(out, "group", group);
    put(out, "p-ignore", pIgnore);
    put(out, "vocab", vocab);
    put(out, "cot", cot);
    put(out, "words", words);
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
