package ssmlab.train;

/**
 * The learning-rate schedule: linear warmup from 0 to {@code peak} over {@code warmup} steps, then
 * a cosine decay to {@code floor} at step {@code total}, constant after.
 *
 * <p>For step s (0-based): {@code lr = peak·(s+1)/warmup} while {@code s < warmup}; then with
 * {@code q = (s − warmup)/(total − warmup)} clamped to [0, 1],
 * {@code lr = floor + (peak − floor)·(1 + cos(π·q))/2}.
 *
 * @param peak the largest rate, reached at the end of the warmup
 * @param floor the final rate (often peak/10 or 0)
 * @param warmup warmup steps, at least 0
 * @param total total steps, greater than warmup
 */
public record WarmupCosine(double peak, double floor, int warmup, int total) {

  /** Validates the steps and rates. */
  public WarmupCosine {
    if (warmup < 0 || total <= warmup) {
      throw new IllegalArgumentException(
          "schedule needs 0 <= warmup < total steps, got warmup=" + warmup + " total=" + total);
    }
    if (!(peak > 0) || !(floor >= 0) || floor > peak) {
      throw new IllegalArgumentException("schedule needs 0 <= floor <= peak and peak > 0");
    }
  }

  /** The learning rate of step {@code s} (0-based). */
  public double at(long s) {
    if (s < warmup) {
      return peak * (s + 1) / warmup;
    }
    double q = Math.min(1.0, (double) (s - warmup) / (total - warmup));
    return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * q));
  }
}
