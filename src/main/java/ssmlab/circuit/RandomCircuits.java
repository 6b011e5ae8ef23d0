package ssmlab.circuit;

import java.util.SplittableRandom;

/**
 * Random layered threshold circuits for tests and benchmarks: {@code layers} layers of
 * {@code width} gates, each reading {@code fanIn} random wires of the layer below; a quarter of the
 * gates are AND or OR, the rest MAJ or weighted threshold gates (weights in [−3, 3]). The last
 * layer is the output.
 */
public final class RandomCircuits {
  private RandomCircuits() {}

  public static Circuit layered(long seed, int inputs, int layers, int width, int fanIn) {
    SplittableRandom rnd = new SplittableRandom(seed);
    CircuitBuilder b = new CircuitBuilder();
    int[] below = b.input("x", inputs);
    int[] in = new int[fanIn];
    int[] w = new int[fanIn];
    for (int l = 0; l < layers; l++) {
      int[] layer = new int[width];
      for (int g = 0; g < width; g++) {
        for (int i = 0; i < fanIn; i++) {
          in[i] = below[rnd.nextInt(below.length)];
        }
        int r = rnd.nextInt(8);
        layer[g] = switch (r) {
          case 0 -> b.and(in);
          case 1 -> b.or(in);
          case 2, 3, 4 -> b.majority(in);
          default -> {
            long max = 0;
            long min = 0;
            for (int i = 0; i < fanIn; i++) {
              int x = rnd.nextInt(1, 4);
              w[i] = rnd.nextBoolean() ? x : -x;
              max += Math.max(w[i], 0);
              min += Math.min(w[i], 0);
            }
            yield b.threshold(in, w, rnd.nextLong(min + 1, max + 1));
          }
        };
      }
      below = layer;
    }
    b.output("y", below);
    return b.build();
  }
}
