package ssmlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** The switch between the Vector API kernels and their scalar references, and the vector width. */
public final class Simd {

  /**
   * Whether the facades use the Vector API kernels: the system property {@code ssmlab.simd}
   * ({@code true} unless set to {@code false}). Recorded with every run for provenance.
   */
  public static final boolean ENABLED =
      !"false".equalsIgnoreCase(System.getProperty("ssmlab.simd"));

  /**
   * The float species of the vector kernels: the machine's preferred width, or the width in bits
   * given by the system property {@code ssmlab.vectorBits} (128, 256 or 512; e.g. 256 to run as on
   * an AVX2 machine when the host has AVX-512).
   */
  public static final VectorSpecies<Float> SPECIES = species(Integer.getInteger(
      "ssmlab.vectorBits", 0));

  private Simd() {}

  private static VectorSpecies<Float> species(int bits) {
    if (bits <= 0) {
      return FloatVector.SPECIES_PREFERRED;
    }
    return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
  }

  /** A one-line description for provenance, e.g. {@code "vector 256-bit (8 floats)"}. */
  public static String describe() {
    return ENABLED ? "vector " + SPECIES.vectorBitSize() + "-bit (" + SPECIES.length() + " floats)"
        : "scalar";
  }
}
