package ssmlab.circuit.uniform;

import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * The addresses a query bench cycles through: {@code size} sampled addresses that {@code keep}
 * accepts, each with an input index drawn beforehand, answered as {@link QuerySample} does.
 */
final class SampledQueries {
  private final AddressedFamily f;
  private final long[] addresses;
  private final int[] index;
  private int next;

  /** @param size a power of 2 */
  SampledQueries(AddressedFamily f, int size, long seed, LongPredicate keep) {
    this.f = f;
    this.addresses = new long[size];
    this.index = new int[size];
    var rnd = new SplittableRandom(seed);
    for (int i = 0; i < size; ) {
      long a = f.sample(rnd);
      if (keep.test(a)) {
        addresses[i] = a;
        int fanIn = f.gate(a).fanIn();
        index[i++] = fanIn == 0 ? -1 : rnd.nextInt(fanIn);
      }
    }
  }

  /** The next address: type, fan-in, threshold and one input with its weight. */
  long query() {
    int i = next++ & (addresses.length - 1);
    Gate g = f.gate(addresses[i]);
    long r = g.type().ordinal() + g.fanIn() + g.threshold();
    return index[i] < 0 ? r : r + (g.input(index[i]) ^ g.weight(index[i]));
  }
}
