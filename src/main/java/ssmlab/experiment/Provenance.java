package ssmlab.experiment;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where a result came from: the code's git commit, the JDK, whether the Vector API kernels were
 * on, and how many threads each run used. Together with the {@link RunSpec} it pins the result
 * bits.
 *
 * @param commit the commit of the checkout the code was built from, or {@code unknown}
 * @param jdk {@link Runtime#version()}
 * @param simd the system property {@code ssmlab.simd} (default on)
 * @param threads threads per run
 */
public record Provenance(String commit, String jdk, boolean simd, int threads) {

  /** The property that turns the Vector API kernels off: {@code -Dssmlab.simd=false}. */
  public static final String SIMD_PROPERTY = "ssmlab.simd";

  /** The provenance of this JVM for runs with {@code threads} threads each. */
  public static Provenance current(int threads) {
    return new Provenance(codeCommit(), Runtime.version().toString(),
        Boolean.parseBoolean(System.getProperty(SIMD_PROPERTY, "true")), threads);
  }

  private static String codeCommit() {
    try {
      Path code = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return GitCommit.of(code).orElse("unknown");
    } catch (URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }
}
