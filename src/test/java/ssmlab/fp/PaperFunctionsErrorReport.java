package ssmlab.fp;

import java.util.List;

/** Prints the measured error of the paper's functions (docs/circuits.md); run by hand. */
final class PaperFunctionsErrorReport {
  private PaperFunctionsErrorReport() {}

  public static void main(String[] args) {
    int p = Integer.parseInt(args[0]);
    int q = Integer.parseInt(args[1]);
    FloatFormat f = FloatFormat.of(p, q);
    List<FloatP> xs = args.length > 2 ? PaperFunctionsTest.random(f, Integer.parseInt(args[2]),
        p * 7L + q) : PaperFunctionsTest.every(f);
    for (PaperFunctionsTest.Fn fn : PaperFunctionsTest.FUNCTIONS) {
      double[] r = PaperFunctionsTest.check(f, fn, xs);
      System.out.printf("%s p=%d q=%d inputs=%d max_error=%.3f*2^-p differ_from_rounded=%d%n",
          fn.name(), p, q, xs.size(), r[0], (int) r[1]);
    }
  }
}
