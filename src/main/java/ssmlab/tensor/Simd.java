package ssmlab.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/** The switch between the Vector API kernels and their scalar references, and the vector width. */
public final class Simd {

  /** Whether the Vector API kernels run: {@link SimdSwitch#ENABLED}, the one switch. */
  public static final boolean ENABLED = SimdSwitch.ENABLED;

  /**
   * The float species of the vector kernels: the machine's preferred width, or the width in bits
   * given by the system property {@code ssmlab.vectorBits} (128, 256 or 512; e.g. 256 to run as on
   * an AVX2 machine when the host has AVX-512).
   */
  public static final VectorSpecies<Float> SPECIES = species(Integer.getInteger(
      "ssmlab.vectorBits", 0));

  /*
   * Determinism. The Vector API leaves the order of a float reduceLanes(ADD) unspecified, and its
   * transcendental operators (EXP, LOG1P, ...) use one implementation in the interpreter and
   * another once C2 compiles the loop, so both can change bits with the JIT's timing: two runs
   * with the same seed would drift apart. The kernels therefore use sum(v) below, a fixed tree of
   * lane-wise adds, and polynomial exp/log built from add, mul and fma, which IEEE 754 defines
   * exactly in every tier.
   */

  /*
   * ROTATE_h moves lane i + h to lane i (indices modulo the lane count). Separate static final
   * fields, not an array: C2 trusts a static final field as a constant and intrinsifies the
   * rearrange, while an array element is not constant and the vector gets boxed.
   */
  private static final int LANES = SPECIES.length();
  private static final VectorShuffle<Float> ROTATE_8 = rotation(8);
  private static final VectorShuffle<Float> ROTATE_4 = rotation(4);
  private static final VectorShuffle<Float> ROTATE_2 = rotation(2);
  private static final VectorShuffle<Float> ROTATE_1 = rotation(1);

  private Simd() {}

  /**
   * The sum of the lanes of {@code v} in a fixed order: for h = L/2, L/4, ..., 1 lane i becomes
   * {@code v[i] + v[i + h]}; lane 0 ends with the total (L is at most 16 floats on x86).
   */
  public static float sum(FloatVector v) {
    if (LANES >= 16) {
      v = v.add(v.rearrange(ROTATE_8));
    }
    if (LANES >= 8) {
      v = v.add(v.rearrange(ROTATE_4));
    }
    if (LANES >= 4) {
      v = v.add(v.rearrange(ROTATE_2));
    }
    if (LANES >= 2) {
      v = v.add(v.rearrange(ROTATE_1));
    }
    return v.lane(0);
  }

  private static VectorShuffle<Float> rotation(int h) {
    return VectorShuffle.iota(SPECIES, h % LANES, 1, true);
  }

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
