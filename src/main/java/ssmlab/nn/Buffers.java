package ssmlab.nn;

/** Reuse of layer-owned work buffers across steps. */
public final class Buffers {

  private Buffers() {}

  /**
   * Returns {@code buf} if it has exactly {@code n} elements, else a new zeroed array of that size.
   * Contents are not cleared on reuse.
   */
  public static float[] ensure(float[] buf, int n) {
    return buf != null && buf.length == n ? buf : new float[n];
  }

  /** Like {@link #ensure(float[], int)} for int arrays. */
  public static int[] ensure(int[] buf, int n) {
    return buf != null && buf.length == n ? buf : new int[n];
  }
}
