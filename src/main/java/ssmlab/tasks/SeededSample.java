package ssmlab.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sample with the seed that reproduces it: {@code task.sample(sample.length(), new
 * SplittableRandom(seed))} gives it again.
 */
public record SeededSample(long seed, Sample sample) {

  /** Draws {@code count} samples, lengths uniform in {@code lengths}, from one root seed. */
  public static List<SeededSample> draw(Task task, LengthRange lengths, int count, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    List<SeededSample> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next(task, lengths.draw(root), root));
    }
    return out;
  }

  /** One sample of {@code length} from a seed drawn from {@code root}. Modifies root. */
  public static SeededSample next(Task task, int length, SplittableRandom root) {
    long s = root.nextLong();
    return new SeededSample(s, task.sample(length, new SplittableRandom(s)));
  }
}
