package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stack manipulation (Deletang et al. 2023): an initial stack of bits (bottom first), actions
 * {@code pop}, {@code push0}, {@code push1} (never a pop on an empty stack), the separator
 * {@code |}, then the final stack top first; next-token targets on the answer, ending with
 * {@code .}. Lengths: s + a + 1 + f tokens for s stack bits, a actions and f final bits, which
 * is always odd; an even length gets one padding token.
 */
final class StackManipulationTask extends BaseTask {

  private static final String POP = "pop";
  private static final String PUSH0 = "push0";
  private static final String PUSH1 = "push1";

  StackManipulationTask() {
    super("stack-manip", "final stack (top first) after pops and pushes on an initial stack",
        TaskClass.CONTEXT_FREE, withPad(List.of("0", "1", POP, PUSH0, PUSH1, CopyTask.SEPARATOR)),
        Vocabulary.of("0", "1", CopyTask.END));
  }

  /**
   * With h = (length - 1) / 2: a actions uniform in 0..h, s bits uniform in h-a..h; then
   * p = s + a - h pops and a - p pushes make the final stack f = 2h - s - a long, so that
   * s + a + 1 + f = 2h + 1.
   */
  @Override
  List<String> generate(int length, SplittableRandom rng) {
    int h = (length - 1) / 2;
    int a = rng.nextInt(h + 1);
    int s = h - a + rng.nextInt(a + 1);
    int pops = s + a - h;
    int pushes = a - pops;
    List<String> out = new ArrayList<>(length);
    StringBuilder stack = new StringBuilder();
    for (int i = 0; i < s; i++) {
      String b = rng.nextBoolean() ? "1" : "0";
      out.add(b);
      stack.append(b);
    }
    for (int i = 0; i < a; i++) {
      boolean pop = stack.length() > 0 && rng.nextInt(pops + pushes) < pops;
      if (pop) {
        out.add(POP);
        stack.setLength(stack.length() - 1);
        pops--;
      } else {
        boolean one = rng.nextBoolean();
        out.add(one ? PUSH1 : PUSH0);
        stack.append(one ? '1' : '0');
        pushes--;
      }
    }
    out.add(CopyTask.SEPARATOR);
    for (int i = stack.length() - 1; i >= 0; i--) {
      out.add(String.valueOf(stack.charAt(i)));
    }
    return padTo(out, length);
  }

  @Override
  public List<String> solve(List<String> input) {
    int n = unpaddedLength(input);
    int sep = input.indexOf(CopyTask.SEPARATOR);
    if (sep < 0 || sep >= n) {
      throw invalid(name(), "no separator");
    }
    StringBuilder stack = new StringBuilder();
    boolean actions = false;
    for (int i = 0; i < sep; i++) {
      switch (input.get(i)) {
        case "0", "1" -> {
          if (actions) {
            throw invalid(name(), "a stack bit after the actions at " + i);
          }
          stack.append(input.get(i));
        }
        case POP -> {
          if (stack.isEmpty()) {
            throw invalid(name(), "pop on an empty stack at " + i);
          }
          stack.setLength(stack.length() - 1);
          actions = true;
        }
        case PUSH0, PUSH1 -> {
          stack.append(input.get(i).equals(PUSH1) ? '1' : '0');
          actions = true;
        }
        default -> throw invalid(name(), "'" + input.get(i) + "' at " + i);
      }
    }
    if (n != sep + 1 + stack.length()) {
      throw invalid(name(), "the answer has the wrong length");
    }
    List<String> target = unlabelled(input.size());
    for (int j = 0; j < stack.length(); j++) {
      String top = String.valueOf(stack.charAt(stack.length() - 1 - j));
      if (!input.get(sep + 1 + j).equals(top)) {
        throw invalid(name(), "the answer differs from the final stack at " + (sep + 1 + j));
      }
      target.set(sep + j, top);
    }
    target.set(sep + stack.length(), CopyTask.END);
    return target;
  }
}
