package ssmlab.tasks;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A formal language with a generator of its words and a scanner that, symbol by symbol, gives
 * the set of allowed next symbols: those that keep the prefix a prefix of some word, plus the end
 * of the string when the prefix is itself a word.
 *
 * <p>A set is a bit mask: bit i for {@code symbols().get(i)}, bit {@code symbols().size()} for
 * the end.
 */
interface Language {

  List<String> symbols();

  /** A word of the language of the greatest length at most {@code maxLength} that has one. */
  List<String> generate(int maxLength, SplittableRandom rng);

  /** A fresh scanner at the empty prefix. */
  Scanner scanner();

  /** Every next-symbol mask a nonempty prefix of a word can have. */
  List<Integer> masks();

  /** Reads a word symbol by symbol. */
  interface Scanner {

    /**
     * Reads one symbol and returns the allowed-next mask after it.
     *
     * @throws IllegalArgumentException if the symbol cannot continue the prefix
     */
    int read(String symbol);
  }

  /** The bit of the end of the string in a mask over {@code symbols} symbols. */
  static int end(int symbols) {
    return 1 << symbols;
  }
}
