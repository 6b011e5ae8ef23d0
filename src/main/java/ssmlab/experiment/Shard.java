package ssmlab.experiment;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One slice {@code k/N} of a sweep: sort the runs by id, keep those whose index i has
 * {@code i mod N == k}. Every machine computes the same slices, so no coordinator is needed.
 */
public record Shard(int index, int count) {
  public static final Shard ALL = new Shard(0, 1);

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("bad shard " + index + "/" + count
          + ": need 0 <= k < N");
    }
  }

  /** Reads {@code "k/N"}, e.g. {@code "3/16"} (a SLURM array task id over the array size). */
  public static Shard parse(String s) {
    String[] parts = s.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException("bad shard '" + s + "': expected k/N, e.g. 0/4");
  }

  /** This shard's runs, sorted by id. Not modified: {@code runs}. */
  public List<Run> select(List<Run> runs) {
    List<Run> byId = runs.stream().sorted(Comparator.comparing(Run::id)).toList();
    return IntStream.range(0, byId.size())
        .filter(i -> i % count == index)
        .mapToObj(byId::get)
        .toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
