package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Flip-flop language modelling (Liu et al. 2023, FFL(p)): instructions w (write), r (read), i
 * (ignore), each followed by a bit; the first is a write, each other is an ignore with
 * probability p and a read or a write with (1-p)/2 each; the bit after a read repeats the last
 * written bit. The target at each {@code r} is that bit, the next token; elsewhere none.
 */
final class FlipFlopTask extends BaseTask {

  private final double pIgnore;

  FlipFlopTask(double pIgnore) {
    super("flipflop", "flip-flop: at each read, predict the last written bit",
        TaskClass.STAR_FREE, withPad(List.of("w", "r", "i", "0", "1")), Vocabulary.of("0", "1"));
    this.pIgnore = pIgnore;
  }

  @Override
  List<String> generate(int length, SplittableRandom rng) {
    List<String> out = new ArrayList<>(length);
    String last = null;
    for (int i = 0; i + 1 < length; i += 2) {
      double u = rng.nextDouble();
      String bit = rng.nextBoolean() ? "1" : "0";
      if (last == null || u >= pIgnore + (1 - pIgnore) / 2) {
        out.add("w");
        last = bit;
      } else if (u < pIgnore) {
        out.add("i");
      } else {
        out.add("r");
        bit = last;
      }
      out.add(bit);
    }
    return padTo(out, length);
  }

  @Override
  public List<String> solve(List<String> input) {
    int n = unpaddedLength(input);
    if (n % 2 != 0) {
      throw invalid(name(), "odd number of tokens before the padding");
    }
    List<String> target = unlabelled(input.size());
    String last = null;
    for (int i = 0; i < n; i += 2) {
      String op = input.get(i);
      String bit = input.get(i + 1);
      if (!bit.equals("0") && !bit.equals("1")) {
        throw invalid(name(), "'" + bit + "' at " + (i + 1) + " is not a bit");
      }
      switch (op) {
        case "w" -> last = bit;
        case "i" -> { }
        case "r" -> {
          if (last == null || !last.equals(bit)) {
            throw invalid(name(), "read at " + i + " does not repeat the last written bit");
          }
          target.set(i, last);
        }
        default -> throw invalid(name(), "'" + op + "' at " + i + " is not an instruction");
      }
    }
    return target;
  }
}
