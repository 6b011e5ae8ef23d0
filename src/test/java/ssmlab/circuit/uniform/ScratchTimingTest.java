package ssmlab.circuit.uniform;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

final class ScratchTimingTest {
  @Test
  void time() {
    int[][] sizes = {{8, 2}, {8, 4}, {8, 6}, {8, 8}, {8, 10}, {8, 12}, {8, 14},
        {4, 2}, {4, 4}, {4, 8}, {4, 12}, {4, 16}, {4, 20}};
    double[][] t = new double[sizes.length][5];
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < sizes.length; i++) {
        AddressedFamily f = FpFamilies.of("fp-sum", 8, sizes[i][0], 1 << sizes[i][1]);
        t[i][round] = new QuerySample(f, 1000, 1).nanosPerQuery();
      }
    }
    for (int i = 0; i < sizes.length; i++) {
      long t0 = System.nanoTime();
      AddressedFamily f = FpFamilies.of("fp-sum", 8, sizes[i][0], 1 << sizes[i][1]);
      long setup = System.nanoTime() - t0;
      double[] s = t[i].clone();
      Arrays.sort(s);
      System.out.printf("q=%d n=2^%d bits=%d gates=%.3g maxfan=%d setup=%.3fs min=%.0f med=%.0f%n",
          sizes[i][0], sizes[i][1], f.addressBits(), (double) f.gateCount(),
          new QuerySample(f, 1000, 1).maxFanIn(), setup / 1e9, s[0], s[2]);
    }
  }
}
