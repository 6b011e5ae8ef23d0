package ssmlab.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import ssmlab.tensor.Gemm;
import ssmlab.tensor.Parallel;
import ssmlab.tensor.Simd;

/**
 * {@code ssmlab bench gemm}: GFLOP/s of the matrix product at given shapes, one JSON line per
 * shape, to set beside {@code torch.mm} on the same shapes. A shape {@code MxNxK:op} is
 * C (M, N) = op(A) · op(B) with K the inner size; op {@code nn}, {@code nt} (a linear layer's
 * forward, {@code x · Wᵀ}) or {@code tn} (its weight gradient, {@code dyᵀ · x}).
 */
@Command(name = "gemm", mixinStandardHelpOptions = true,
    description = "Times matrix products; prints one JSON line per shape.",
    footer = {"", "Examples:",
        "  ssmlab bench gemm --shapes 2048x256x64:nt,512x512x512:nn --threads 2",
        "  ssmlab bench gemm --shapes 256x64x2048:tn --threads 1 --reps 5"})
final class BenchGemm implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shapes", required = true, split = ",", paramLabel = "MxNxK[:op],...",
      description = "shapes to time; op nn (default), nt or tn")
  List<String> shapes;

  @Option(names = "--threads", defaultValue = "2", description = "default: ${DEFAULT-VALUE}")
  int threads;

  @Option(names = "--reps", defaultValue = "21", description = "timed products per shape, after "
      + "the warmup; the median is printed (default: ${DEFAULT-VALUE})")
  int reps;

  @Option(names = "--warmup-ms", defaultValue = "2000", description = "untimed products first, "
      + "for this long per shape: the JIT compiles the Vector API kernels meanwhile, which takes "
      + "seconds on a loaded machine (default: ${DEFAULT-VALUE})")
  int warmupMs;

  /** The most elements an operand may have. */
  static final long MAX_ELEMENTS = 1L << 26;

  /** One shape: C (m, n) = op(A) (m, k) · op(B) (k, n). */
  record Shape(int m, int n, int k, boolean transA, boolean transB, String op) {
    static Shape parse(String s) {
      String[] parts = s.strip().toLowerCase(Locale.ROOT).split(":", -1);
      String op = parts.length > 1 ? parts[1] : "nn";
      String[] dims = parts[0].split("x", -1);
      if (parts.length > 2 || dims.length != 3 || !List.of("nn", "nt", "tn").contains(op)) {
        throw new IllegalArgumentException("--shapes takes MxNxK[:nn|nt|tn], got '" + s + "'");
      }
      int[] d = new int[3];
      for (int i = 0; i < 3; i++) {
        try {
          d[i] = Integer.parseInt(dims[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--shapes takes MxNxK[:nn|nt|tn], got '" + s + "'");
        }
        if (d[i] < 1) {
          throw new IllegalArgumentException("--shapes: sizes must be at least 1, got '" + s
              + "'");
        }
      }
      for (long elements : new long[] {(long) d[0] * d[2], (long) d[2] * d[1],
          (long) d[0] * d[1]}) {
        if (elements > MAX_ELEMENTS) {
          throw new IllegalArgumentException("--shapes: '" + s + "' has an operand of more "
              + "than " + MAX_ELEMENTS + " elements");
        }
      }
      return new Shape(d[0], d[1], d[2], op.charAt(0) == 't', op.charAt(1) == 't', op);
    }
  }

  @Override
  public Integer call() {
    if (reps < 1 || warmupMs < 0) {
      throw new IllegalArgumentException("--reps must be at least 1 and --warmup-ms at least 0");
    }
    List<Shape> parsed = shapes.stream().map(Shape::parse).toList();
    Parallel.setThreads(Parallel.checkThreads("--threads", threads));
    for (Shape s : parsed) {
      double seconds = medianSeconds(s);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("m", s.m());
      out.put("n", s.n());
      out.put("k", s.k());
      out.put("op", s.op());
      out.put("threads", threads);
      out.put("median_ms", seconds * 1e3);
      out.put("gflop_per_s", 2.0 * s.m() * s.n() * s.k() / seconds / 1e9);
      out.put("simd", Simd.describe());
      spec.commandLine().getOut().println(Json.write(out));
    }
    return 0;
  }

  private double medianSeconds(Shape s) {
    var rng = new SplittableRandom(1);
    float[] a = random(s.m() * s.k(), rng);
    float[] b = random(s.k() * s.n(), rng);
    float[] c = new float[s.m() * s.n()];
    int lda = s.transA() ? s.m() : s.k();
    int ldb = s.transB() ? s.k() : s.n();
    long warmupEnd = System.nanoTime() + warmupMs * 1_000_000L;
    while (System.nanoTime() < warmupEnd) {
      Gemm.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), a, 0, lda, b, 0, ldb, c, 0, s.n(),
          false);
    }
    double[] t = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      Gemm.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), a, 0, lda, b, 0, ldb, c, 0, s.n(),
          false);
      t[r] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }

  private static float[] random(int size, SplittableRandom rng) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (rng.nextDouble() - 0.5);
    }
    return x;
  }
}
