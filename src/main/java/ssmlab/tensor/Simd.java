package ssmlab.tensor;

/** The switch between the Vector API kernels and their scalar references. */
public final class Simd {

  /**
   * Whether the facades use the Vector API kernels: the system property {@code ssmlab.simd}
   * ({@code true} unless set to {@code false}). Recorded with every run for provenance.
   */
  public static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("ssmlab.simd"));

  private Simd() {}
}
