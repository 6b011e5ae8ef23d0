package ssmlab.tasks;

import java.util.SplittableRandom;

/**
 * A sample with the seed that reproduces it: {@code task.sample(sample.length(), new
 * SplittableRandom(seed))} gives it again.
 */
public record SeededSample(long seed, Sample sample) {

  /** One sample of {@code length} from a seed drawn from {@code root}. Modifies root. */
  public static SeededSample next(Task task, int length, SplittableRandom root) {
    long s = root.nextLong();
    return new SeededSample(s, task.sample(length, new SplittableRandom(s)));
  }
}
